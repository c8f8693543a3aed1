package dev.kilowatt.core;

import dev.kilowatt.core.message.ChargePointErrorCode;
import dev.kilowatt.core.message.ChargePointStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How OCPP 1.6 names a connector's {@link ConnectorState} and {@link ConnectorFault}: the status and errorCode of
 * its StatusNotification. The core's status reporting uses it, and so can an embedder that shows a connector in
 * 1.6 words (a back office's view, a log). Hardware adapters raise {@link ConnectorFault}s and never meet these
 * words; {@link #fault} reads a 1.6 errorCode back, for a person who types one (the simulator's console).
 */
public final class Ocpp16Mapping {

  /** Each errorCode's fault, read off {@link #errorCode} so that the two directions cannot disagree. */
  private static final Map<ChargePointErrorCode, ConnectorFault> FAULTS = new EnumMap<>(ChargePointErrorCode.class);

  static {
    for (ConnectorFault fault : ConnectorFault.values()) {
      FAULTS.put(errorCode(fault), fault);
    }
  }

  private Ocpp16Mapping() {}

  /**
   * The StatusNotification status that reports {@code state}; the two enumerations match one to one.
   *
   * @param state what the connector is doing
   * @return its OCPP 1.6 status
   */
  public static ChargePointStatus status(ConnectorState state) {
    return switch (state) {
      case AVAILABLE -> ChargePointStatus.AVAILABLE;
      case PREPARING -> ChargePointStatus.PREPARING;
      case CHARGING -> ChargePointStatus.CHARGING;
      case SUSPENDED_EV -> ChargePointStatus.SUSPENDED_EV;
      case SUSPENDED_EVSE -> ChargePointStatus.SUSPENDED_EVSE;
      case FINISHING -> ChargePointStatus.FINISHING;
      case RESERVED -> ChargePointStatus.RESERVED;
      case UNAVAILABLE -> ChargePointStatus.UNAVAILABLE;
      case FAULTED -> ChargePointStatus.FAULTED;
    };
  }

  /**
   * The StatusNotification errorCode that reports {@code fault}; the two enumerations match one to one.
   *
   * @param fault what is wrong with the connector, {@link ConnectorFault#NONE} when nothing is
   * @return its OCPP 1.6 errorCode, NoError for {@link ConnectorFault#NONE}
   */
  public static ChargePointErrorCode errorCode(ConnectorFault fault) {
    return switch (fault) {
      case NONE -> ChargePointErrorCode.NO_ERROR;
      case CONNECTOR_LOCK_FAILURE -> ChargePointErrorCode.CONNECTOR_LOCK_FAILURE;
      case EV_COMMUNICATION_ERROR -> ChargePointErrorCode.EV_COMMUNICATION_ERROR;
      case GROUND_FAILURE -> ChargePointErrorCode.GROUND_FAILURE;
      case HIGH_TEMPERATURE -> ChargePointErrorCode.HIGH_TEMPERATURE;
      case INTERNAL_ERROR -> ChargePointErrorCode.INTERNAL_ERROR;
      case LOCAL_LIST_CONFLICT -> ChargePointErrorCode.LOCAL_LIST_CONFLICT;
      case OTHER -> ChargePointErrorCode.OTHER_ERROR;
      case OVER_CURRENT_FAILURE -> ChargePointErrorCode.OVER_CURRENT_FAILURE;
      case POWER_METER_FAILURE -> ChargePointErrorCode.POWER_METER_FAILURE;
      case POWER_SWITCH_FAILURE -> ChargePointErrorCode.POWER_SWITCH_FAILURE;
      case READER_FAILURE -> ChargePointErrorCode.READER_FAILURE;
      case RESET_FAILURE -> ChargePointErrorCode.RESET_FAILURE;
      case UNDER_VOLTAGE -> ChargePointErrorCode.UNDER_VOLTAGE;
      case OVER_VOLTAGE -> ChargePointErrorCode.OVER_VOLTAGE;
      case WEAK_SIGNAL -> ChargePointErrorCode.WEAK_SIGNAL;
    };
  }

  /**
   * The fault a 1.6 errorCode stands for: the inverse of {@link #errorCode}.
   *
   * @param errorCode an OCPP 1.6 errorCode, e.g. the one a {@link dev.kilowatt.core.port.HardwareFault} carries
   * @return the fault it reports, {@link ConnectorFault#NONE} for NoError
   */
  public static ConnectorFault fault(ChargePointErrorCode errorCode) {
    return FAULTS.get(Objects.requireNonNull(errorCode, "errorCode"));
  }
}
