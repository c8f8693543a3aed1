package dev.kilowatt.core.port;

/**
 * The energy meter of one connector. Meters sit on slow buses, so the adapter polls at its own pace and
 * pushes each reading; the domain never waits for one.
 */
public interface EnergyMeter {

  /**
   * Called once with where to report readings and faults.
   *
   * @param listener where readings and faults go
   */
  void start(Listener listener);

  /** Events from the meter, delivered from any thread. */
  interface Listener extends FaultListener {
    /**
     * A new reading; the domain keeps the latest for meter values and transactions.
     *
     * @param reading the reading
     */
    void onReading(MeterReading reading);
  }
}
