/**
 * The security extension: security profiles, the installed certificates and the charge point's own
 * (InstallCertificate, DeleteCertificate, GetInstalledCertificateIds, SignCertificate, CertificateSigned), security
 * events and the security log.
 *
 * <p>Its public types are for the core's own wiring across blocks, not for embedders: an embedder uses
 * {@link dev.kilowatt.core.ChargePoint} and the ports.
 */
package dev.kilowatt.core.security;
