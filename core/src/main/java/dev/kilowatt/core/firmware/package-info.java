/**
 * Firmware management: UpdateFirmware and SignedUpdateFirmware (download, signature check, install,
 * reboot), GetDiagnostics and GetLog (collect, upload, status notifications).
 *
 * <p>Its public types are for the core's own wiring across blocks, not for embedders: an embedder uses
 * {@link dev.kilowatt.core.ChargePoint} and the ports.
 */
package dev.kilowatt.core.firmware;
