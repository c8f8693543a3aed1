package dev.kilowatt.core;

import dev.kilowatt.core.internal.ConfigKey;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A configuration key of the charger maker's own, declared through {@link ChargePoint.Builder#vendorKey}.
 * GetConfiguration and ChangeConfiguration serve it like the standard keys: its value is validated against
 * its type, persisted on every accepted change, read-only keys are Rejected, and a change of a key that
 * needs a reboot is answered RebootRequired. Make one with {@link #integer}, {@link #bool}, {@link #text} or
 * {@link #list}, then {@link #readOnly} or {@link #requiringReboot} where needed.
 *
 * <pre>{@code
 * VendorKey fan = VendorKey.integer("AcmeFanSpeedPercent", 20, 100, 60).requiringReboot();
 * }</pre>
 *
 * @param name the key's name as the central system writes it: 1 to 50 printable ASCII characters (CiString50), told apart
 *     from every other key regardless of case, as a CiString is compared; a vendor prefix keeps it clear of
 *     future standard keys
 * @param type the values the key takes
 * @param factoryValue the value until someone changes it, in the type's canonical form
 * @param access whether the central system may change it
 * @param rebootRequired whether a change takes effect only after a reboot
 */
public record VendorKey(String name, ValueType type, String factoryValue, Access access, boolean rebootRequired) {

  /** The longest key name OCPP 1.6 carries (CiString50). */
  public static final int MAX_NAME_LENGTH = 50;
  /** The longest value OCPP 1.6 carries (CiString500). */
  public static final int MAX_VALUE_LENGTH = 500;

  /**
   * Checks the declaration.
   *
   * @throws IllegalArgumentException naming the key when its name, type or factory value is not acceptable
   */
  public VendorKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(factoryValue, "factoryValue");
    Objects.requireNonNull(access, "access");
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || !name.chars().allMatch(c -> c > ' ' && c < 127)) {
      throw new IllegalArgumentException("vendor key name must be 1 to " + MAX_NAME_LENGTH
          + " printable ASCII characters without blanks, not '" + name + "'");
    }
    if (factoryValue.length() > MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException(name + ": factory value longer than " + MAX_VALUE_LENGTH + " characters");
    }
    configType(type).problem(factoryValue).ifPresent(why -> {
      throw new IllegalArgumentException(name + ": factory value '" + factoryValue + "' is invalid: " + why);
    });
  }

  /** Whether the central system may change a key. */
  public enum Access {
    /** GetConfiguration shows it with {@code readonly} true; ChangeConfiguration is Rejected. */
    READ_ONLY,
    /** The central system may change it. */
    READ_WRITE
  }

  /** The values a vendor key takes. */
  public sealed interface ValueType permits WholeNumber, Flag, Text, ListOf {}

  /**
   * A whole number from {@code min} to {@code max}, written as JSON writes an integer ("30", "-5"; never
   * "+30" or "030").
   *
   * @param min the smallest value
   * @param max the largest value
   */
  public record WholeNumber(int min, int max) implements ValueType {
    /**
     * Checks the range.
     *
     * @throws IllegalArgumentException when {@code min} is above {@code max}
     */
    public WholeNumber {
      if (min > max) {
        throw new IllegalArgumentException("minimum " + min + " above maximum " + max);
      }
    }
  }

  /** {@code true} or {@code false}; other cases of those words are taken and stored in lower case. */
  public record Flag() implements ValueType {}

  /**
   * Free text of at most {@code maxLength} characters.
   *
   * @param maxLength the longest text, at most {@link #MAX_VALUE_LENGTH}
   */
  public record Text(int maxLength) implements ValueType {
    /**
     * Checks the length.
     *
     * @throws IllegalArgumentException when {@code maxLength} is negative or above {@link #MAX_VALUE_LENGTH}
     */
    public Text {
      if (maxLength < 0 || maxLength > MAX_VALUE_LENGTH) {
        throw new IllegalArgumentException("text length must be 0 to " + MAX_VALUE_LENGTH + ", not " + maxLength);
      }
    }
  }

  /**
   * A comma-separated list (CSL) of at most {@code maxItems} items, each one of {@code allowed}.
   *
   * @param allowed the items the list may hold; none means any item without a comma
   * @param maxItems the most items the list may hold
   */
  public record ListOf(Set<String> allowed, int maxItems) implements ValueType {
    /**
     * Copies the allowed items.
     *
     * @throws IllegalArgumentException when {@code maxItems} is below 1 or an allowed item is blank or holds a comma
     */
    public ListOf {
      allowed = Set.copyOf(allowed);
      if (maxItems < 1) {
        throw new IllegalArgumentException("a list holds at least 1 item, not " + maxItems);
      }
      if (allowed.stream().anyMatch(item -> item.isBlank() || item.contains(",") || !item.equals(item.strip()))) {
        throw new IllegalArgumentException("list items must be non-blank, without commas or surrounding blanks: " + allowed);
      }
    }
  }

  /**
   * A read-write whole-number key.
   *
   * @param name the key's name
   * @param min the smallest value
   * @param max the largest value
   * @param factoryValue the value until someone changes it
   * @return the declaration
   */
  public static VendorKey integer(String name, int min, int max, int factoryValue) {
    return new VendorKey(name, new WholeNumber(min, max), Integer.toString(factoryValue), Access.READ_WRITE, false);
  }

  /**
   * A read-write boolean key.
   *
   * @param name the key's name
   * @param factoryValue the value until someone changes it
   * @return the declaration
   */
  public static VendorKey bool(String name, boolean factoryValue) {
    return new VendorKey(name, new Flag(), Boolean.toString(factoryValue), Access.READ_WRITE, false);
  }

  /**
   * A read-write text key.
   *
   * @param name the key's name
   * @param maxLength the longest text
   * @param factoryValue the value until someone changes it
   * @return the declaration
   */
  public static VendorKey text(String name, int maxLength, String factoryValue) {
    return new VendorKey(name, new Text(maxLength), factoryValue, Access.READ_WRITE, false);
  }

  /**
   * A read-write comma-separated list key.
   *
   * @param name the key's name
   * @param allowed the items the list may hold
   * @param maxItems the most items it may hold
   * @param factoryValue the items until someone changes them
   * @return the declaration
   */
  public static VendorKey list(String name, Set<String> allowed, int maxItems, List<String> factoryValue) {
    return new VendorKey(name, new ListOf(allowed, maxItems), String.join(",", factoryValue), Access.READ_WRITE, false);
  }

  /**
   * This key, read-only: the central system sees it but cannot change it.
   *
   * @return the changed declaration
   */
  public VendorKey readOnly() {
    return new VendorKey(name, type, factoryValue, Access.READ_ONLY, rebootRequired);
  }

  /**
   * This key, answered RebootRequired on a change: the charger reads it only when it starts.
   *
   * @return the changed declaration
   */
  public VendorKey requiringReboot() {
    return new VendorKey(name, type, factoryValue, access, true);
  }

  /** The key as the configuration block holds it. */
  ConfigKey configKey() {
    ConfigKey.Access configAccess = access == Access.READ_ONLY ? ConfigKey.Access.READ_ONLY : ConfigKey.Access.READ_WRITE;
    return new ConfigKey(name, configAccess, configType(type), factoryValue, rebootRequired);
  }

  private static ConfigKey.Type configType(ValueType type) {
    return switch (type) {
      case WholeNumber n -> new ConfigKey.Int(n.min(), n.max(), false);
      case Flag f -> new ConfigKey.Bool();
      case Text t -> new ConfigKey.Text(t.maxLength());
      case ListOf l -> new ConfigKey.CommaSeparatedList(l.allowed(), l.maxItems());
    };
  }
}
