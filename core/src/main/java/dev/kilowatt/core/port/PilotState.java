package dev.kilowatt.core.port;

/** IEC 61851-1 control pilot states as seen by the charge point. */
public enum PilotState {
  /** +12 V: no EV connected. */
  A,
  /** +9 V: EV connected, not asking for energy. */
  B,
  /** +6 V: EV asks for energy. */
  C,
  /** +3 V: EV asks for energy and needs ventilation. */
  D,
  /** 0 V: pilot shorted to protective earth, or supply fault. */
  E,
  /** -12 V: the charge point is not available, or the pilot reads an invalid level. */
  F;

  /** {@return whether an EV is plugged in} */
  public boolean evConnected() {
    return this == B || this == C || this == D;
  }

  /** {@return whether the EV asks for energy} */
  public boolean evRequestsEnergy() {
    return this == C || this == D;
  }
}
