package dev.kilowatt.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.exception.IOException;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import dev.kilowatt.core.port.Indicator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The light on Pi4J's mock GPIO and mock PWM, with blinks on virtual time. */
class GpioIndicatorTest extends RigTest {

  private Indicator switched(String... more) {
    List<String> keys = new ArrayList<>(List.of("indicator.pin=16", "indicator.blink-ms=300"));
    keys.addAll(List.of(more));
    return rig.board(keys.toArray(String[]::new)).indicator().orElseThrow();
  }

  private boolean lit() {
    return rig.output("kilowatt-light").isHigh();
  }

  @Test
  void aSwitchedLightBlinksTheCountAskedForThenStaysLit() {
    Indicator light = switched();
    assertTrue(lit());

    light.blink(2);

    List<Boolean> seen = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      seen.add(lit());
      rig.advanceMillis(300);
    }
    assertEquals(List.of(false, true, false, true, true), seen);
    assertEquals(0, rig.time.queued());
  }

  @Test
  void aSwitchedLightAtZeroIntensityIsOffAndANewCommandEndsTheBlinks() {
    Indicator light = switched();
    light.blink(5);
    rig.advanceMillis(300);

    light.setIntensity(0);

    assertFalse(lit());
    rig.advanceMillis(10_000);
    assertFalse(lit(), "the remaining blinks were dropped");
    light.setIntensity(20);
    assertTrue(lit());
  }

  @Test
  void aDimmedLightSetsTheDutyCycleToTheIntensity() {
    Indicator light = rig.board("indicator.pwm.channel=1", "indicator.intensity=60").indicator().orElseThrow();
    Pwm pwm = rig.pi4j.registry().get("kilowatt-light", Pwm.class);
    assertEquals(60, pwm.dutyCycle());

    light.setIntensity(25);
    assertEquals(25, pwm.dutyCycle());
    assertEquals(1000, pwm.frequency());
    light.blink(1);
    assertFalse(pwm.isOn());
    rig.advanceMillis(300);
    assertTrue(pwm.isOn());
    assertEquals(25, pwm.dutyCycle());
  }

  @Test
  void badCommandsAndBoardsAreRefused() {
    Indicator light = switched();
    assertThrows(IllegalArgumentException.class, () -> light.blink(-1));
    assertThrows(IllegalArgumentException.class, () -> light.setIntensity(101));
    IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
        () -> TestRig.sampleBoard("indicator.pin=16", "indicator.pwm.channel=1"));
    assertTrue(both.getMessage().contains("not both"), both.getMessage());
    IllegalArgumentException pilots = assertThrows(IllegalArgumentException.class,
        () -> TestRig.sampleBoard("indicator.pwm.channel=0"));
    assertTrue(pilots.getMessage().contains("pilot.pwm.channel"), pilots.getMessage());
    IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
        () -> TestRig.sampleBoard("indicator.pin=17"));
    assertTrue(taken.getMessage().contains("relay.pin"), taken.getMessage());
  }

  @Test
  void aLightThatCannotBeDrivenIsCountedAndChargingGoesOn() {
    DigitalOutput broken = new MockDigitalOutput(MockDigitalOutputProvider.newInstance(),
        DigitalOutput.newConfigBuilder(rig.pi4j).id("broken").address(6).build()) {
      @Override
      public DigitalOutput state(DigitalState state) {
        throw new IOException("GPIO line released");
      }
    };
    GpioIndicator light = new GpioIndicator(new GpioIndicator.SwitchedLight(broken, DigitalState.HIGH), 100,
        Duration.ofMillis(300), rig.time);

    light.blink(1);
    rig.advanceMillis(600);

    assertEquals(4, light.failures());
  }
}
