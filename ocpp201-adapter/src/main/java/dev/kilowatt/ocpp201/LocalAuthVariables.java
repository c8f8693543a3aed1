package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.Variables.Mapping;
import dev.kilowatt.ocpp201.Variables.Mutability;
import java.util.List;

/**
 * The variables of the authorization cache's and the local list's controllers (part 2 appendix,
 * {@code AuthCacheCtrlr} and {@code LocalAuthListCtrlr}) that are one of the core's 1.6 keys, kept apart from the
 * other controllers' in {@link Variables#TABLE} so that each block's rows stay together.
 *
 * <p>{@code LocalAuthListCtrlr.ItemsPerMessage}, the most entries one SendLocalList may carry, is 1.6's
 * SendLocalListMaxLength; the device model makes it ReadOnly, as the core's key is, so a SetVariables of it is
 * Rejected without the core. The others of the two controllers have no 1.6 key and are not mapped: the cache's
 * LifeTime, Policy, Storage and DisablePostAuthorize, the list's Entries (the count of entries; 1.6's
 * LocalAuthListMaxLength is that variable's maxLimit, not a value of its own), BytesPerMessage, Storage and
 * DisablePostAuthorize, and Available of both.
 */
final class LocalAuthVariables {

  static final List<Mapping> TABLE = List.of(
      new Mapping("AuthCacheCtrlr", "Enabled", "AuthorizationCacheEnabled"),
      new Mapping("LocalAuthListCtrlr", "Enabled", "LocalAuthListEnabled"),
      new Mapping("LocalAuthListCtrlr", "ItemsPerMessage", "SendLocalListMaxLength", Mutability.READ_ONLY));

  private LocalAuthVariables() {
  }
}
