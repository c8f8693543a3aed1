package dev.kilowatt.ocpp201;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.ocpp201.ReportMessages.DataType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which values a variable of each kind takes: what SetVariables of one of the adapter's variables accepts. */
class VariableKindTest {

  @Test
  void anIntegerIsAWholeNumberWithinItsLimits() {
    VariableKind seconds = VariableKind.integer(Optional.of("s"), 1);
    assertTrue(seconds.accepts("1"));
    assertTrue(seconds.accepts("2147483647"));
    assertFalse(seconds.accepts("0"));
    assertFalse(seconds.accepts("2147483648"), "past an int");
    assertFalse(seconds.accepts("1.5"));
    assertFalse(seconds.accepts(""));
  }

  @Test
  void aBooleanIsTrueOrFalseSpeltSo() {
    VariableKind flag = VariableKind.of(DataType.boolean_);
    assertTrue(flag.accepts("true"));
    assertTrue(flag.accepts("false"));
    assertFalse(flag.accepts("TRUE"));
    assertFalse(flag.accepts("1"));
  }

  @Test
  void aListTakesItsValuesEachOnceAndAnOptionListOneOfThem() {
    VariableKind sources = VariableKind.list(DataType.SequenceList, "Heartbeat,NTP");
    assertTrue(sources.accepts("NTP,Heartbeat"));
    assertTrue(sources.accepts(""), "an empty list");
    assertFalse(sources.accepts("Heartbeat,Heartbeat"));
    assertFalse(sources.accepts("GPS"));
    assertFalse(sources.accepts("Heartbeat,"));
    VariableKind option = VariableKind.list(DataType.OptionList, "Heartbeat,NTP");
    assertTrue(option.accepts("NTP"));
    assertFalse(option.accepts("NTP,Heartbeat"));
  }

  @Test
  void aStringIsNoLongerThanItsMaxLimitAndAValueNeverWrittenAsADateIsNot() {
    VariableKind name = new VariableKind(DataType.string, Optional.empty(), Optional.empty(), Optional.of(3),
        Optional.empty());
    assertTrue(name.accepts("abc"));
    assertFalse(name.accepts("abcd"));
    assertTrue(VariableKind.of(DataType.string).accepts("x".repeat(1_000)));
    assertFalse(VariableKind.of(DataType.dateTime).accepts("2026-12-06T21:00:00Z"));
  }
}
