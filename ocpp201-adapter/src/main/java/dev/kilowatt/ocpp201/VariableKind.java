package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.ReportMessages.DataType;
import dev.kilowatt.ocpp201.ReportMessages.VariableCharacteristics;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the values of a variable are (part 2, VariableCharacteristicsType): its data type, unit, limits and
 * list of values, and whether a text is one of them. A value the station keeps itself is written only if it is.
 *
 * @param dataType the values' type
 * @param unit the unit, e.g. {@code s}
 * @param minLimit the least value of a number
 * @param maxLimit the greatest value of a number, or the longest text
 * @param valuesList the allowed values of an OptionList, MemberList or SequenceList, comma separated
 */
record VariableKind(DataType dataType, Optional<String> unit, Optional<Integer> minLimit, Optional<Integer> maxLimit,
    Optional<String> valuesList) {

  static VariableKind of(DataType dataType) {
    return new VariableKind(dataType, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static VariableKind of(DataType dataType, String unit) {
    return new VariableKind(dataType, Optional.of(unit), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A whole number from {@code min}, in {@code unit} if it has one. */
  static VariableKind integer(Optional<String> unit, int min) {
    return new VariableKind(DataType.integer, unit, Optional.of(min), Optional.empty(), Optional.empty());
  }

  /** A list of {@code dataType} (OptionList, MemberList, SequenceList) of the comma separated {@code values}. */
  static VariableKind list(DataType dataType, String values) {
    return new VariableKind(dataType, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(values));
  }

  /** {@return these characteristics as a report gives them; this station monitors no variable (block N)} */
  VariableCharacteristics characteristics() {
    return new VariableCharacteristics(unit, dataType, minLimit.map(Integer::doubleValue),
        maxLimit.map(Integer::doubleValue), valuesList, false);
  }

  /**
   * Whether {@code value} is one of this kind's values: an integer in the limits, {@code true} or {@code false},
   * one of the valuesList or a comma list of them without repetition, a text no longer than the maxLimit.
   */
  boolean accepts(String value) {
    return switch (dataType) {
      case integer -> isInteger(value);
      case boolean_ -> value.equals("true") || value.equals("false");
      case OptionList -> allowed().contains(value);
      case MemberList, SequenceList -> isList(value);
      case decimal, dateTime -> false; // none of the station's own variables is written as one
      case string -> maxLimit.map(max -> value.length() <= max).orElse(true);
    };
  }

  private boolean isInteger(String value) {
    long number;
    try {
      number = Long.parseLong(value);
    } catch (NumberFormatException e) {
      return false;
    }
    return number >= minLimit.orElse(Integer.MIN_VALUE) && number <= maxLimit.orElse(Integer.MAX_VALUE);
  }

  private boolean isList(String value) {
    if (value.isEmpty()) {
      return true;
    }
    List<String> items = Arrays.asList(value.split(",", -1));
    return allowed().containsAll(items) && new HashSet<>(items).size() == items.size();
  }

  private Set<String> allowed() {
    return valuesList.map(list -> Set.of(list.split(","))).orElse(Set.of());
  }
}
