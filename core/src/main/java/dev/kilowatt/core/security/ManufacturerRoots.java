package dev.kilowatt.core.security;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The Manufacturer root certificates installed on the charge point (InstallCertificate.req with
 * ManufacturerRootCertificate). A firmware signing certificate is trusted only when one of them issued it.
 */
@FunctionalInterface
public interface ManufacturerRoots {

  /** {@return the installed roots; empty when none is installed, and then no signed firmware can be accepted} */
  List<X509Certificate> certificates();
}
