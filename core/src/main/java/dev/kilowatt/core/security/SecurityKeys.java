package dev.kilowatt.core.security;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.internal.ConfigKey.Access;
import dev.kilowatt.core.internal.ConfigKey.Bool;
import dev.kilowatt.core.internal.ConfigKey.Int;
import dev.kilowatt.core.internal.ConfigKey.Text;
import dev.kilowatt.core.internal.ConfigKey;

/**
 * The configuration keys of the white paper "Improved security for OCPP 1.6-J" (edition 3, section 7).
 * The rules for changing {@code AuthorizationKey} and {@code SecurityProfile} over OCPP are in
 * {@link Security}; the embedder's factory values are taken as they are (A00.FR.004: the profile is
 * configured before OCPP communication starts).
 */
public final class SecurityKeys {

  static final String ADDITIONAL_ROOT_CERTIFICATE_CHECK = "AdditionalRootCertificateCheck";
  /** The HTTP Basic password of profiles 1 and 2, write-only (white paper A01). */
  public static final String AUTHORIZATION_KEY = "AuthorizationKey";
  static final String CERTIFICATE_SIGNED_MAX_CHAIN_SIZE = "CertificateSignedMaxChainSize";
  static final String CERTIFICATE_STORE_MAX_LENGTH = "CertificateStoreMaxLength";
  static final String CPO_NAME = "CpoName";
  static final String SECURITY_PROFILE = "SecurityProfile";

  /** The paper's upper bound of CertificateSignedMaxChainSize, in characters; also the CertificateSigned.req field's. */
  private static final int MAX_CHAIN_SIZE = 10_000;
  /** Default of CertificateStoreMaxLength: Central System and Manufacturer roots together. */
  private static final int STORE_MAX_LENGTH = 10;
  /** X.520's upper bound of an organizationName, which CpoName becomes in the certificate. */
  private static final int CPO_NAME_MAX = 64;
  /** The hexadecimal AuthorizationKey, two digits per byte of the 16 to 20 byte password (A00.FR.205). */
  private static final int KEY_MIN_DIGITS = 32;
  private static final int KEY_MAX_DIGITS = 40;

  private SecurityKeys() {}

  static void define(Configuration config) {
    config.define(new ConfigKey(ADDITIONAL_ROOT_CERTIFICATE_CHECK, Access.READ_ONLY, new Bool(), "false", false));
    config.define(new ConfigKey(AUTHORIZATION_KEY, Access.WRITE_ONLY, new Text(KEY_MAX_DIGITS), "", false));
    config.define(new ConfigKey(CERTIFICATE_SIGNED_MAX_CHAIN_SIZE, Access.READ_ONLY, new Int(1, MAX_CHAIN_SIZE, false),
        Integer.toString(MAX_CHAIN_SIZE), false));
    config.define(new ConfigKey(CERTIFICATE_STORE_MAX_LENGTH, Access.READ_ONLY, new Int(1, 1_000, false),
        Integer.toString(STORE_MAX_LENGTH), false));
    config.define(CoreKeys.readWrite(CPO_NAME, new Text(CPO_NAME_MAX), ""));
    config.define(CoreKeys.readWrite(SECURITY_PROFILE, new Int(0, 3, true), "0"));
  }

  /** Whether {@code value} is an AuthorizationKey as the paper defines it: 32 to 40 hexadecimal digits, whole bytes. */
  static boolean validAuthorizationKey(String value) {
    return value.length() >= KEY_MIN_DIGITS && value.length() <= KEY_MAX_DIGITS && value.length() % 2 == 0
        && value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
  }
}
