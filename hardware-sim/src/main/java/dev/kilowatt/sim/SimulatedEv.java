package dev.kilowatt.sim;

import dev.kilowatt.core.port.PilotState;
import dev.kilowatt.core.port.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An EV whose on-board charger uses one or three phases. It sets the pilot state with its resistors and draws the
 * offered current on each phase it can use, up to its own maximum, while it asks for energy (state C or D), a PWM
 * runs and the relay's contacts are closed. With a battery it stops asking for energy (C to B) once the battery is
 * full.
 */
public final class SimulatedEv {

  /** Below this many Wh the battery counts as full, so binary rounding cannot keep it charging forever. */
  private static final double FULL_TOLERANCE_WH = 1e-6;
  private static final double NANOS_PER_HOUR = 3.6e12;

  private final Scheduler scheduler;
  private final Object lock;
  private final SimulatedControlPilot pilot;
  private final double voltageV;
  private final double maxCurrentA;
  private final int phases;
  /** Infinite without a battery model: such an EV never fills up. */
  private final double capacityWh;
  private double chargedWh;
  private double drawA;
  private int phasesDrawn = 1;
  private Instant integratedUntil;
  private Scheduler.Timer batteryFull = () -> {};

  /**
   * A battery's state.
   *
   * @param capacityWh how much energy it holds when full, in Wh
   * @param chargedWh how much it holds now, in Wh
   */
  public record Battery(double capacityWh, double chargedWh) {
    /**
     * Checks the capacity and the charge.
     *
     * @throws IllegalArgumentException for a capacity that is not positive or a charge outside 0..capacity
     */
    public Battery {
      if (!(capacityWh > 0) || Double.isInfinite(capacityWh)) {
        throw new IllegalArgumentException("battery capacity must be a positive number of Wh: " + capacityWh);
      }
      if (!(chargedWh >= 0 && chargedWh <= capacityWh)) {
        throw new IllegalArgumentException("battery charge must be 0.." + capacityWh + " Wh: " + chargedWh);
      }
    }
  }

  SimulatedEv(Scheduler scheduler, Object lock, SimulatedControlPilot pilot, double voltageV, double maxCurrentA,
      int phases, Optional<Battery> battery) {
    this.scheduler = scheduler;
    this.lock = lock;
    this.pilot = pilot;
    this.voltageV = voltageV;
    this.maxCurrentA = maxCurrentA;
    this.phases = phases;
    this.capacityWh = battery.map(Battery::capacityWh).orElse(Double.POSITIVE_INFINITY);
    this.chargedWh = battery.map(Battery::chargedWh).orElse(0.0);
    this.integratedUntil = scheduler.now();
  }

  /** Plugs the cable in (A to B); plugging an EV that is plugged in changes nothing. */
  public void plug() {
    synchronized (lock) {
      if (pilot.evState() == PilotState.A) {
        pilot.setEvState(PilotState.B);
      }
    }
  }

  /**
   * Asks for energy (to C).
   *
   * @throws IllegalStateException if the EV is not plugged in or its battery is full
   */
  public void requestEnergy() {
    synchronized (lock) {
      if (pilot.evState() == PilotState.A) {
        throw new IllegalStateException("the EV is not plugged in");
      }
      integrate();
      if (isFull()) {
        throw new IllegalStateException("the EV's battery is full");
      }
      pilot.setEvState(PilotState.C);
    }
  }

  /**
   * Stops asking for energy (C or D to B).
   *
   * @throws IllegalStateException if the EV is not plugged in
   */
  public void pause() {
    synchronized (lock) {
      PilotState state = pilot.evState();
      if (state == PilotState.A) {
        throw new IllegalStateException("the EV is not plugged in");
      }
      if (state.evRequestsEnergy()) {
        pilot.setEvState(PilotState.B);
      }
    }
  }

  /** Unplugs the cable (to A), whatever the EV was doing. */
  public void unplug() {
    synchronized (lock) {
      pilot.setEvState(PilotState.A);
    }
  }

  /** {@return the state the EV sets on the pilot} */
  public PilotState state() {
    return pilot.evState();
  }

  /** {@return the most current the EV draws, in A} */
  public double maxCurrentA() {
    return maxCurrentA;
  }

  /** {@return the phases its on-board charger can use: 1 or 3} */
  public int phases() {
    return phases;
  }

  /** {@return the current the EV draws now on each phase it uses, in A} */
  public double drawA() {
    synchronized (lock) {
      return drawA;
    }
  }

  /** {@return the battery now, if the EV models one} */
  public Optional<Battery> battery() {
    synchronized (lock) {
      if (Double.isInfinite(capacityWh)) {
        return Optional.empty();
      }
      integrate();
      return Optional.of(new Battery(capacityWh, chargedWh));
    }
  }

  /** The current the EV would draw now, given whether the relay's contacts let mains through. */
  double drawFor(boolean mainsPresent) {
    synchronized (lock) {
      boolean charging = mainsPresent && pilot.evState().evRequestsEnergy() && !isFull();
      return charging ? Math.min(pilot.offeredAmperes(), maxCurrentA) : 0;
    }
  }

  /** The EV now draws {@code amperes} on each of {@code phasesDrawn}; it pauses when that fills the battery. */
  void drawChanged(double amperes, int phasesDrawn) {
    synchronized (lock) {
      integrate();
      drawA = amperes;
      this.phasesDrawn = phasesDrawn;
      batteryFull.cancel();
      if (amperes > 0 && !Double.isInfinite(capacityWh)) {
        double hoursToFull = (capacityWh - chargedWh) / (voltageV * amperes * phasesDrawn);
        batteryFull = scheduler.schedule(Duration.ofNanos((long) Math.ceil(hoursToFull * NANOS_PER_HOUR)),
            this::pauseIfFull);
      }
    }
  }

  /** Disarms the battery-full timer, when the simulated charger shuts down. */
  void stop() {
    synchronized (lock) {
      batteryFull.cancel();
    }
  }

  /** Ends charging at the timer armed for a full battery, unless the draw has changed since. */
  private void pauseIfFull() {
    synchronized (lock) {
      integrate();
      if (isFull() && pilot.evState().evRequestsEnergy()) {
        chargedWh = capacityWh;
        pilot.setEvState(PilotState.B);
      }
    }
  }

  private boolean isFull() {
    return capacityWh - chargedWh < FULL_TOLERANCE_WH;
  }

  private void integrate() {
    Instant now = scheduler.now();
    if (now.isAfter(integratedUntil)) {
      double added = voltageV * drawA * phasesDrawn * Duration.between(integratedUntil, now).toNanos() / NANOS_PER_HOUR;
      chargedWh = Math.min(capacityWh, chargedWh + added);
      integratedUntil = now;
    }
  }
}
