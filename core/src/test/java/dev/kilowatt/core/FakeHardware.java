package dev.kilowatt.core;

import dev.kilowatt.core.port.ControlPilot;
import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.HardwareFault;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Platform;
import dev.kilowatt.core.port.Relay;
import dev.kilowatt.core.port.RfidReader;
import java.util.ArrayList;
import java.util.List;

/** Minimal port fakes for domain tests: they record commands and let the test raise events. */
final class FakeHardware {

  private FakeHardware() {}

  static final class FakeRelay implements Relay {
    Listener listener;
    boolean closed;
    int commands;

    @Override
    public void start(Listener listener) {
      this.listener = listener;
    }

    @Override
    public void close() {
      closed = true;
      commands++;
    }

    @Override
    public void open() {
      closed = false;
      commands++;
    }
  }

  static final class FakePilot implements ControlPilot {
    Listener listener;
    /** What the pilot signals: the offered amperes, 0 for steady +12 V, -1 for state F. */
    double signalled;
    int commands;
    /** Runs after every command, e.g. to check what all the pilots offer together at that instant. */
    Runnable afterCommand = () -> {};

    @Override
    public void start(Listener listener) {
      this.listener = listener;
    }

    @Override
    public void offer(double amperes) {
      signalled = amperes;
      commands++;
      afterCommand.run();
    }

    @Override
    public void stopOffering() {
      signalled = 0;
      commands++;
      afterCommand.run();
    }

    @Override
    public void disable() {
      signalled = -1;
      commands++;
      afterCommand.run();
    }

    void ev(PilotState state) {
      listener.onStateChanged(state);
    }

    void fault(HardwareFault fault) {
      listener.onFault(fault);
    }
  }

  static final class FakeMeter implements EnergyMeter {
    Listener listener;
    double energyWh;

    @Override
    public void start(Listener listener) {
      this.listener = listener;
    }

    void read(double energyWh, double powerW) {
      this.energyWh = energyWh;
      listener.onReading(MeterReading.singlePhase(energyWh, powerW, 230.0, powerW / 230.0));
    }
  }

  static final class FakeReader implements RfidReader {
    Listener listener;

    @Override
    public void start(Listener listener) {
      this.listener = listener;
    }

    void present(String idTag) {
      listener.onCardPresented(idTag);
    }
  }

  static final class FakePlatform implements Platform {
    final List<RebootKind> reboots = new ArrayList<>();

    @Override
    public void reboot(RebootKind kind) {
      reboots.add(kind);
    }
  }
}
