package dev.kilowatt.core.message;

import java.util.Optional;

/** An enumeration of the OCPP vocabulary whose constants each stand for one exact, case-sensitive wire string. */
public interface OcppEnum {

  /** {@return the string this constant is written as in OCPP JSON} */
  String ocppValue();

  /**
   * The constant of {@code type} whose wire string is exactly {@code value}; empty for null or unknown values.
   *
   * @param <E> the enumeration
   * @param type the enumeration's class
   * @param value the string as written in OCPP JSON, or null
   * @return the constant, or empty for null or a string that is none of the enumeration's values
   */
  static <E extends Enum<E> & OcppEnum> Optional<E> lookup(Class<E> type, String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.ocppValue().equals(value)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}
