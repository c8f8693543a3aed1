package dev.kilowatt.core.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One configuration key of the charge point, as GetConfiguration and ChangeConfiguration see it. The blocks
 * that own keys define them with it; an embedder's own keys are {@link dev.kilowatt.core.VendorKey}s.
 *
 * @param name the key's name, e.g. {@code HeartbeatInterval}
 * @param access who may read and write it
 * @param type the value's type and its bounds
 * @param defaultValue the value before anyone changed it
 * @param rebootRequired whether a change takes effect only after a reboot
 */
public record ConfigKey(String name, Access access, Type type, String defaultValue, boolean rebootRequired) {

  /** Checks the default against the type. */
  public ConfigKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    if (type.problem(defaultValue).isPresent()) {
      throw new IllegalArgumentException(name + ": default " + defaultValue + " is invalid: " + type.problem(defaultValue).get());
    }
  }

  /** Who may read and write a key. */
  public enum Access {
    /**
     * Read-only over OCPP; a capacity or policy of the product that the manufacturer may set at the factory
     * (LocalAuthListMaxLength, ReserveConnectorZeroSupported, AdditionalRootCertificateCheck).
     */
    READ_ONLY,
    /** The central system reads and changes it. */
    READ_WRITE,
    /** Readable by nobody over OCPP (secrets such as {@code AuthorizationKey}). */
    WRITE_ONLY,
    /**
     * Read-only over OCPP, and what the charge point is built with decides the value (NumberOfConnectors from
     * its connectors, SupportedFeatureProfiles from its adapters, GetConfigurationMaxKeys from its limits): a
     * factory value would contradict the build, so none is taken.
     */
    DERIVED;

    /** {@return whether ChangeConfiguration may set a key of this access} */
    public boolean writable() {
      return this == READ_WRITE || this == WRITE_ONLY;
    }
  }

  /** A value type with its constraints. */
  public sealed interface Type {
    /**
     * Checks a value as ChangeConfiguration or the factory settings give it.
     *
     * @param value the value as text, as OCPP carries it
     * @return why {@code value} is not acceptable; empty if it is
     */
    Optional<String> problem(String value);

    /**
     * Normalises an acceptable value (e.g. {@code TRUE} to {@code true}).
     *
     * @param value a value {@link #problem} accepted
     * @return the form that is stored and that GetConfiguration returns
     */
    default String normalise(String value) {
      return value.trim();
    }
  }

  /** {@code true} or {@code false}, case-insensitively. */
  public record Bool() implements Type {
    @Override
    public Optional<String> problem(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      return v.equals("true") || v.equals("false") ? Optional.empty() : Optional.of("not a boolean");
    }

    @Override
    public String normalise(String value) {
      return value.trim().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A whole number in {@code [min, max]}; {@code zeroAllowed} admits 0 too, which OCPP uses for "off".
   *
   * <p>Only the canonical form is a value: an optional minus and digits without a leading zero, as JSON
   * writes an integer (RFC 8259 section 6). OCPP 1.6 types these keys "integer" but carries them in a
   * CiString500, so the text itself must be the integer; "+30", " 30" and "030" are Rejected rather than
   * rewritten, so that what GetConfiguration returns is exactly what ChangeConfiguration accepted and the
   * central system learns at once that a value was not taken as written.
   *
   * @param min the smallest value allowed (apart from 0 when {@code zeroAllowed})
   * @param max the largest value allowed
   * @param zeroAllowed whether 0 is allowed too, outside {@code [min, max]}
   */
  public record Int(long min, long max, boolean zeroAllowed) implements Type {
    private static final Pattern CANONICAL = Pattern.compile("0|-?[1-9][0-9]{0,17}");

    @Override
    public Optional<String> problem(String value) {
      if (!CANONICAL.matcher(value).matches()) {
        return Optional.of("not an integer in canonical form (digits, a leading minus if negative, no plus sign, blanks or leading zeros)");
      }
      long n = Long.parseLong(value);
      if (n == 0 && zeroAllowed) {
        return Optional.empty();
      }
      return n < min || n > max ? Optional.of("outside " + min + ".." + max + (zeroAllowed ? " (or 0)" : "")) : Optional.empty();
    }

    @Override
    public String normalise(String value) {
      return value;
    }
  }

  /**
   * A comma-separated list whose items come from {@code allowed} (any item when empty), at most
   * {@code maxItems} of them.
   *
   * @param allowed the items a value may hold, e.g. the measurands of MeterValuesSampledData; empty for any
   * @param maxItems the most items a value may hold, e.g. MeterValuesSampledDataMaxLength
   */
  public record CommaSeparatedList(Set<String> allowed, int maxItems) implements Type {
    /** Copies the allowed items. */
    public CommaSeparatedList {
      allowed = Set.copyOf(allowed);
    }

    @Override
    public Optional<String> problem(String value) {
      List<String> items = split(value);
      if (items.size() > maxItems) {
        return Optional.of("more than " + maxItems + " items");
      }
      for (String item : items) {
        if (item.isEmpty()) {
          return Optional.of("empty item");
        }
        if (!allowed.isEmpty() && !allowed.contains(item)) {
          return Optional.of("unsupported item " + item);
        }
      }
      return Optional.empty();
    }

    @Override
    public String normalise(String value) {
      return String.join(",", split(value));
    }

    /**
     * Splits a list value into its items, each trimmed.
     *
     * @param value the value as OCPP carries it, e.g. {@code "Energy.Active.Import.Register, Power.Active.Import"}
     * @return the items in order; none for a blank value
     */
    public static List<String> split(String value) {
      if (value.isBlank()) {
        return List.of();
      }
      return java.util.Arrays.stream(value.split(",", -1)).map(String::trim).toList();
    }
  }

  /**
   * Free text of at most {@code maxLength} characters.
   *
   * @param maxLength the most characters a value may have, e.g. 500 for a CiString500
   */
  public record Text(int maxLength) implements Type {
    @Override
    public Optional<String> problem(String value) {
      return value.length() > maxLength ? Optional.of("longer than " + maxLength) : Optional.empty();
    }

    @Override
    public String normalise(String value) {
      return value;
    }
  }
}
