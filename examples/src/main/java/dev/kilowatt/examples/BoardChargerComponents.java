package dev.kilowatt.examples;

import com.pi4j.context.Context;
import dagger.BindsInstance;
import dagger.Component;
import dev.kilowatt.core.ChargePoint;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.ocpp.TrafficListener;
import jakarta.inject.Singleton;

/** The Dagger components of the chargers on real boards: the same charge point, a different board module. */
final class BoardChargerComponents {

  private BoardChargerComponents() {}

  /** What a running board charger exposes to its entry point. */
  interface BoardCharger {
    ChargePoint chargePoint();

    BoardHardware hardware();
  }

  /** A Raspberry Pi board: {@link RaspberryPiModule}. */
  @Singleton
  @Component(modules = {BoardChargerModule.class, RaspberryPiModule.class})
  interface RaspberryPi extends BoardCharger {
    @Component.Factory
    interface Factory {
      RaspberryPi create(@BindsInstance BoardOptions options, @BindsInstance Context pi4j, @BindsInstance Platform platform,
          @BindsInstance TrafficListener traffic);
    }
  }

  /** A board of serial-bus devices: {@link SerialBoardModule}. */
  @Singleton
  @Component(modules = {BoardChargerModule.class, SerialBoardModule.class})
  interface SerialBoard extends BoardCharger {
    @Component.Factory
    interface Factory {
      SerialBoard create(@BindsInstance BoardOptions options, @BindsInstance Platform platform, @BindsInstance TrafficListener traffic);
    }
  }
}
