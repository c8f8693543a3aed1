package dev.kilowatt.core.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kilowatt.core.ChargePointLimits;
import dev.kilowatt.core.Harness;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Integer values in canonical form only, and interval ranges a central system's usual settings fit in. */
class ConfigurationValuesTest {

  @ParameterizedTest
  @ValueSource(strings = {"+30", " 30", "30 ", "030", "-0", "3e1", "30.0", "0x1E", "٣٠", ""})
  void anIntegerNotInCanonicalFormIsRejectedAndTheValueKept(String value) {
    Harness h = new Harness().online();
    assertEquals(ConfigurationStatus.REJECTED, change(h, "ConnectionTimeOut", value));
    assertEquals("60", value(h, "ConnectionTimeOut"));
  }

  @Test
  void aCanonicalIntegerIsStoredAndReturnedAsSent() {
    Harness h = new Harness().online();
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "ConnectionTimeOut", "30"));
    assertEquals("30", value(h, "ConnectionTimeOut"));
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "MeterValueSampleInterval", "0"), "0 switches sampling off");
    assertEquals("0", value(h, "MeterValueSampleInterval"));
  }

  @Test
  void anIntegerBeyondSixtyFourBitsIsRejectedNotAnError() {
    Harness h = new Harness().online();
    assertEquals(ConfigurationStatus.REJECTED, change(h, "MaxEnergyOnInvalidId", "99999999999999999999999"));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "MaxEnergyOnInvalidId", "2147483648"), "beyond OCPP's 32-bit integer");
  }

  @Test
  void aCentralSystemsHourlyHeartbeatAndSamplesAreAccepted() {
    Harness h = new Harness().online();
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "HeartbeatInterval", "3600"));
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "MeterValueSampleInterval", "3600"));
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "ClockAlignedDataInterval", "3600"));
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "HeartbeatInterval", "86400"), "up to a day");
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "MeterValueSampleInterval", "86400"));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "HeartbeatInterval", "86401"));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "MeterValueSampleInterval", "86401"));
  }

  @Test
  void theLimitsAreTheEmbeddersToNarrow() {
    Harness h = new Harness().customize(b -> b.limits(ChargePointLimits.DEFAULT.withHeartbeatInterval(60, 1800)
        .withMeterValueSampleInterval(10, 900))).online();
    assertEquals(ConfigurationStatus.REJECTED, change(h, "HeartbeatInterval", "3600"));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "HeartbeatInterval", "30"));
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "HeartbeatInterval", "1800"));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "MeterValueSampleInterval", "901"));
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "MeterValueSampleInterval", "900"));
  }

  private static ConfigurationStatus change(Harness h, String key, String value) {
    return h.callOk(new ChangeConfigurationRequest(key, value)).status();
  }

  private static String value(Harness h, String key) {
    return h.callOk(new GetConfigurationRequest(List.of(key))).configurationKey().get(0).value().orElseThrow();
  }
}
