package dev.kilowatt.serial;

/** The Eastron SDM meters {@link EastronSdmMeter} reads. They share one register map; they differ in phases. */
public enum SdmModel {
  /** Single phase, 45 A direct connection. */
  SDM120(1, 2400),
  /** Single phase, 100 A direct connection. */
  SDM230(1, 2400),
  /** Three phase. */
  SDM630(3, 9600);

  private final int phases;
  private final int defaultBaudRate;

  SdmModel(int phases, int defaultBaudRate) {
    this.phases = phases;
    this.defaultBaudRate = defaultBaudRate;
  }

  /** {@return how many phases the meter measures, 1 or 3} */
  public int phases() {
    return phases;
  }

  /** {@return the line speed the meter ships with (8N1, unit 1); configurable on the meter} */
  public int defaultBaudRate() {
    return defaultBaudRate;
  }
}
