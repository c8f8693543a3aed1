package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.FakeHardware.FakeIndicator;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ConfigurationStatus;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.KeyValue;
import dev.kilowatt.core.message.ResetRequest;
import dev.kilowatt.core.message.ResetType;
import dev.kilowatt.core.port.Platform.RebootKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A configuration key either works or is not offered (issue 10, defect 4). */
class HonestKeysTest {

  private static ConfigurationStatus change(Harness h, String key, String value) {
    return h.callOk(new ChangeConfigurationRequest(key, value)).status();
  }

  private static GetConfigurationResponse get(Harness h, String... keys) {
    return h.callOk(new GetConfigurationRequest(List.of(keys)));
  }

  @Test
  void withoutALightBlinkRepeatAndLightIntensityAreNotOffered() {
    Harness h = new Harness().online();
    assertEquals(List.of("BlinkRepeat", "LightIntensity"), get(h, "BlinkRepeat", "LightIntensity").unknownKey());
    assertTrue(get(h).configurationKey().stream().map(KeyValue::key).noneMatch(k -> k.equals("BlinkRepeat") || k.equals("LightIntensity")));
    assertEquals(ConfigurationStatus.NOT_SUPPORTED, change(h, "BlinkRepeat", "2"));
    assertEquals(ConfigurationStatus.NOT_SUPPORTED, change(h, "LightIntensity", "50"));
  }

  @Test
  void lightIntensitySetsTheBrightnessAtStartAndOnEveryChange() {
    FakeIndicator light = new FakeIndicator();
    Harness h = new Harness().configure("LightIntensity", "70").customize(b -> b.indicator(light)).online();
    assertEquals(70, light.intensityPercent);
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "LightIntensity", "40"));
    assertEquals(40, light.intensityPercent);
    assertEquals(ConfigurationStatus.REJECTED, change(h, "LightIntensity", "101"));
    assertEquals(40, light.intensityPercent);
  }

  @Test
  void theLightBlinksBlinkRepeatTimesWhenItAnswersACard() {
    FakeIndicator light = new FakeIndicator();
    Harness h = new Harness().customize(b -> b.indicator(light)).online();
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "BlinkRepeat", "5"));
    h.card("CARD");
    assertEquals(List.of(5), light.blinks);
    assertEquals(List.of(new KeyValue("BlinkRepeat", false, Optional.of("5"))), get(h, "BlinkRepeat").configurationKey());
  }

  @Test
  void connectorPhaseRotationTakesOneRotationOfSection919PerConnector() {
    Harness h = new Harness(2).online();
    assertEquals(ConfigurationStatus.ACCEPTED, change(h, "ConnectorPhaseRotation", "0.RST,1.STR,2.NotApplicable"));
    assertEquals(ConfigurationStatus.REJECTED, change(h, "ConnectorPhaseRotation", "1.XYZ"), "not a rotation");
    assertEquals(ConfigurationStatus.REJECTED, change(h, "ConnectorPhaseRotation", "3.RST"), "no connector 3");
    assertEquals(ConfigurationStatus.REJECTED, change(h, "ConnectorPhaseRotation", "1.RST,1.RTS"), "connector 1 twice");
    assertEquals(ConfigurationStatus.REJECTED, change(h, "ConnectorPhaseRotation", "RST"), "no connector named");
    assertEquals(List.of(new KeyValue("ConnectorPhaseRotation", false, Optional.of("0.RST,1.STR,2.NotApplicable"))),
        get(h, "ConnectorPhaseRotation").configurationKey());
  }

  @Test
  void aFailedRebootIsTriedAgainResetRetriesTimes() {
    Harness h = new Harness().configure("ResetRetries", "2").online();
    h.platform.failures = 2;
    h.call(new ResetRequest(ResetType.SOFT));
    h.advance(Duration.ofSeconds(30));
    assertEquals(3, h.platform.attempts);
    assertEquals(List.of(RebootKind.SOFT), h.platform.reboots);
    assertEquals(2L, h.cp.counters().get("reset.failed"));
  }

  @Test
  void withResetRetriesZeroAFailedRebootIsNotTriedAgain() {
    Harness h = new Harness().configure("ResetRetries", "0").online();
    h.platform.failures = 1;
    h.call(new ResetRequest(ResetType.HARD));
    h.advance(Duration.ofSeconds(30));
    assertEquals(1, h.platform.attempts);
    assertEquals(List.of(), h.platform.reboots);
    assertEquals(1L, h.cp.counters().get("reset.failed"));
  }
}
