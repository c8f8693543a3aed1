package dev.kilowatt.core.configuration;

import dev.kilowatt.core.ChargePointLimits;
import dev.kilowatt.core.internal.ConfigKey.Access;
import dev.kilowatt.core.internal.ConfigKey.Bool;
import dev.kilowatt.core.internal.ConfigKey.CommaSeparatedList;
import dev.kilowatt.core.internal.ConfigKey.Int;
import dev.kilowatt.core.internal.ConfigKey;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The Core profile's configuration keys (OCPP 1.6 section 9.1) with this charge point's limits. */
public final class CoreKeys {

  /** Whether an idTag neither the cache nor the local list knows may start a transaction while offline. */
  public static final String ALLOW_OFFLINE_TX_FOR_UNKNOWN_ID = "AllowOfflineTxForUnknownId";
  /** Whether the idTags the central system answered are remembered in the authorization cache. */
  public static final String AUTHORIZATION_CACHE_ENABLED = "AuthorizationCacheEnabled";
  /** Whether a RemoteStartTransaction's idTag is authorized before the transaction starts. */
  public static final String AUTHORIZE_REMOTE_TX_REQUESTS = "AuthorizeRemoteTxRequests";
  /** How often the light blinks when it answers a card; offered only with an indicator. */
  public static final String BLINK_REPEAT = "BlinkRepeat";
  /** Seconds between clock-aligned meter values, counted from midnight; 0 for none. */
  public static final String CLOCK_ALIGNED_DATA_INTERVAL = "ClockAlignedDataInterval";
  /** Seconds a driver has, after presenting a card, to plug the EV in. */
  public static final String CONNECTION_TIME_OUT = "ConnectionTimeOut";
  private static final String CONNECTOR_PHASE_ROTATION = "ConnectorPhaseRotation";
  private static final String CONNECTOR_PHASE_ROTATION_MAX_LENGTH = "ConnectorPhaseRotationMaxLength";
  /** The most keys one GetConfiguration.req may name. */
  public static final String GET_CONFIGURATION_MAX_KEYS = "GetConfigurationMaxKeys";
  /** Seconds between heartbeats while nothing else goes to the central system. */
  public static final String HEARTBEAT_INTERVAL = "HeartbeatInterval";
  /** The light's brightness in percent; offered only with an indicator. */
  public static final String LIGHT_INTENSITY = "LightIntensity";
  /** Whether the cache and the local list authorize idTags while offline. */
  public static final String LOCAL_AUTHORIZE_OFFLINE = "LocalAuthorizeOffline";
  /** Whether an idTag the cache or the local list accepts starts at once, without waiting for Authorize. */
  public static final String LOCAL_PRE_AUTHORIZE = "LocalPreAuthorize";
  /** The energy in Wh a transaction may still deliver once its idTag turned out invalid. */
  public static final String MAX_ENERGY_ON_INVALID_ID = "MaxEnergyOnInvalidId";
  /** The measurands of the clock-aligned meter values. */
  public static final String METER_VALUES_ALIGNED_DATA = "MeterValuesAlignedData";
  private static final String METER_VALUES_ALIGNED_DATA_MAX_LENGTH = "MeterValuesAlignedDataMaxLength";
  /** The measurands sampled during a transaction. */
  public static final String METER_VALUES_SAMPLED_DATA = "MeterValuesSampledData";
  private static final String METER_VALUES_SAMPLED_DATA_MAX_LENGTH = "MeterValuesSampledDataMaxLength";
  /** Seconds between the samples of a transaction; 0 for none. */
  public static final String METER_VALUE_SAMPLE_INTERVAL = "MeterValueSampleInterval";
  /** Seconds a status must last before it is reported; 0 reports every status. */
  public static final String MINIMUM_STATUS_DURATION = "MinimumStatusDuration";
  private static final String NUMBER_OF_CONNECTORS = "NumberOfConnectors";
  /** How often a reboot that failed is tried again. */
  public static final String RESET_RETRIES = "ResetRetries";
  /** Whether unplugging the cable at the EV stops the transaction. */
  public static final String STOP_TRANSACTION_ON_EV_SIDE_DISCONNECT = "StopTransactionOnEVSideDisconnect";
  /** Whether a transaction stops when its idTag turns out invalid. */
  public static final String STOP_TRANSACTION_ON_INVALID_ID = "StopTransactionOnInvalidId";
  /** The clock-aligned measurands in a StopTransaction's transactionData. */
  public static final String STOP_TXN_ALIGNED_DATA = "StopTxnAlignedData";
  private static final String STOP_TXN_ALIGNED_DATA_MAX_LENGTH = "StopTxnAlignedDataMaxLength";
  /** The sampled measurands in a StopTransaction's transactionData. */
  public static final String STOP_TXN_SAMPLED_DATA = "StopTxnSampledData";
  private static final String STOP_TXN_SAMPLED_DATA_MAX_LENGTH = "StopTxnSampledDataMaxLength";
  private static final String SUPPORTED_FEATURE_PROFILES = "SupportedFeatureProfiles";
  private static final String SUPPORTED_FEATURE_PROFILES_MAX_LENGTH = "SupportedFeatureProfilesMaxLength";
  /** Defined only when the charge point has a file transfer adapter. */
  public static final String SUPPORTED_FILE_TRANSFER_PROTOCOLS = "SupportedFileTransferProtocols";
  /** How many CALLERRORs skip a transaction message, and how many failures give up a saved security event. */
  public static final String TRANSACTION_MESSAGE_ATTEMPTS = "TransactionMessageAttempts";
  /** Seconds, times the attempts so far, before a failed transaction message is sent again. */
  public static final String TRANSACTION_MESSAGE_RETRY_INTERVAL = "TransactionMessageRetryInterval";
  /** Whether a socket unlocks when the cable is unplugged at the EV. */
  public static final String UNLOCK_CONNECTOR_ON_EV_SIDE_DISCONNECT = "UnlockConnectorOnEVSideDisconnect";
  /** Seconds between WebSocket pings; 0 for none. */
  public static final String WEB_SOCKET_PING_INTERVAL = "WebSocketPingInterval";

  /** The measurands this charge point can sample (the reference device's four, plus the offered current). */
  private static final Set<String> MEASURANDS = Set.of(
      "Energy.Active.Import.Register", "Power.Active.Import", "Current.Import", "Voltage", "Current.Offered");

  /** The values of ConnectorPhaseRotation per connector (section 9.1.9); R, S and T are L1, L2 and L3. */
  private static final List<String> PHASE_ROTATIONS = List.of("NotApplicable", "Unknown", "RST", "RTS", "SRT", "STR", "TRS", "TSR");

  private CoreKeys() {}

  /**
   * Defines the Core profile's keys, bounded by {@code limits}, with {@code featureProfiles} as SupportedFeatureProfiles.
   *
   * @param config where the keys are defined
   * @param limits the product's bounds: intervals, list lengths, GetConfigurationMaxKeys
   * @param connectors how many connectors the charge point has, connector 0 not counted
   * @param featureProfiles the value of SupportedFeatureProfiles, e.g. {@code Core,Reservation}
   */
  public static void define(Configuration config, ChargePointLimits limits, int connectors, String featureProfiles) {
    int csl = limits.measurandListMaxLength();
    // Connector 0 is the grid connection's rotation towards the main meter.
    Set<String> rotations = IntStream.rangeClosed(0, connectors).boxed()
        .flatMap(id -> PHASE_ROTATIONS.stream().map(rotation -> id + "." + rotation)).collect(Collectors.toSet());
    config.define(readWrite(ALLOW_OFFLINE_TX_FOR_UNKNOWN_ID, new Bool(), "false"));
    config.define(readWrite(AUTHORIZATION_CACHE_ENABLED, new Bool(), "true"));
    config.define(readWrite(AUTHORIZE_REMOTE_TX_REQUESTS, new Bool(), "true"));
    config.define(readWrite(CLOCK_ALIGNED_DATA_INTERVAL, new Int(1, 86_400, true), "0"));
    config.define(readWrite(CONNECTION_TIME_OUT, new Int(1, 3_600, true), "60"));
    config.define(readWrite(CONNECTOR_PHASE_ROTATION, new CommaSeparatedList(rotations, connectors + 1), "0.Unknown"));
    config.guard(CONNECTOR_PHASE_ROTATION, value -> {
      Set<String> seen = new HashSet<>();
      return ConfigKey.CommaSeparatedList.split(value).stream().map(item -> item.substring(0, item.indexOf('.')))
          .filter(id -> !seen.add(id)).findFirst().map(id -> "connector " + id + " is given twice");
    });
    config.define(derived(CONNECTOR_PHASE_ROTATION_MAX_LENGTH, Integer.toString(connectors + 1)));
    config.define(derived(GET_CONFIGURATION_MAX_KEYS, Integer.toString(limits.getConfigurationMaxKeys())));
    config.define(readWrite(HEARTBEAT_INTERVAL,
        new Int(limits.minHeartbeatInterval(), limits.maxHeartbeatInterval(), false),
        Integer.toString(Math.max(limits.minHeartbeatInterval(), Math.min(300, limits.maxHeartbeatInterval())))));
    config.define(readWrite(LOCAL_AUTHORIZE_OFFLINE, new Bool(), "true"));
    config.define(readWrite(LOCAL_PRE_AUTHORIZE, new Bool(), "false"));
    config.define(readWrite(MAX_ENERGY_ON_INVALID_ID, new Int(0, Integer.MAX_VALUE, true), "0"));
    config.define(readWrite(METER_VALUES_ALIGNED_DATA, new CommaSeparatedList(MEASURANDS, csl), "Energy.Active.Import.Register"));
    config.define(derived(METER_VALUES_ALIGNED_DATA_MAX_LENGTH, Integer.toString(csl)));
    config.define(readWrite(METER_VALUES_SAMPLED_DATA, new CommaSeparatedList(MEASURANDS, csl),
        "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage"));
    config.define(derived(METER_VALUES_SAMPLED_DATA_MAX_LENGTH, Integer.toString(csl)));
    config.define(readWrite(METER_VALUE_SAMPLE_INTERVAL,
        new Int(limits.minMeterValueSampleInterval(), limits.maxMeterValueSampleInterval(), true), "60"));
    config.define(readWrite(MINIMUM_STATUS_DURATION, new Int(0, 3_600, true), "0"));
    config.define(derived(NUMBER_OF_CONNECTORS, Integer.toString(connectors)));
    config.define(readWrite(RESET_RETRIES, new Int(0, 10, true), "1"));
    config.define(readWrite(STOP_TRANSACTION_ON_EV_SIDE_DISCONNECT, new Bool(), "true"));
    config.define(readWrite(STOP_TRANSACTION_ON_INVALID_ID, new Bool(), "true"));
    config.define(readWrite(STOP_TXN_ALIGNED_DATA, new CommaSeparatedList(MEASURANDS, csl), ""));
    config.define(derived(STOP_TXN_ALIGNED_DATA_MAX_LENGTH, Integer.toString(csl)));
    config.define(readWrite(STOP_TXN_SAMPLED_DATA, new CommaSeparatedList(MEASURANDS, csl), ""));
    config.define(derived(STOP_TXN_SAMPLED_DATA_MAX_LENGTH, Integer.toString(csl)));
    config.define(derived(SUPPORTED_FEATURE_PROFILES, featureProfiles));
    config.define(derived(SUPPORTED_FEATURE_PROFILES_MAX_LENGTH, "6"));
    config.define(readWrite(TRANSACTION_MESSAGE_ATTEMPTS, new Int(1, 100, false), "3"));
    config.define(readWrite(TRANSACTION_MESSAGE_RETRY_INTERVAL, new Int(1, 86_400, false), "60"));
    // Offered read-write on every charge point, fixed cables included: section 9.1 makes it a required RW key of
    // the Core profile, and TC_005_2_CS and TC_005_3_CS, which fixed-cable chargers run too, set it to false
    // first. A fixed cable has no lock to hold or release, so there both values are Accepted and mean the same.
    config.define(readWrite(UNLOCK_CONNECTOR_ON_EV_SIDE_DISCONNECT, new Bool(), "true"));
    config.define(readWrite(WEB_SOCKET_PING_INTERVAL, new Int(1, 86_400, true), Integer.toString(limits.webSocketPingInterval())));
  }

  /**
   * The keys of the charge point's light, offered only when it has an {@code Indicator}.
   *
   * @param config where BlinkRepeat and LightIntensity are defined
   */
  public static void defineIndicator(Configuration config) {
    config.define(readWrite(BLINK_REPEAT, new Int(0, 100, true), "3"));
    config.define(readWrite(LIGHT_INTENSITY, new Int(0, 100, true), "100"));
  }

  /**
   * The phase rotation ConnectorPhaseRotation gives a connector.
   *
   * @param config holds ConnectorPhaseRotation
   * @param connectorId the connector, 0 for the grid connection
   * @return the rotation ("RST", "Unknown"...); empty if the key does not name the connector
   */
  public static Optional<String> phaseRotation(Configuration config, int connectorId) {
    String prefix = connectorId + ".";
    return config.list(CONNECTOR_PHASE_ROTATION).stream().filter(item -> item.startsWith(prefix))
        .map(item -> item.substring(prefix.length())).findFirst();
  }

  /**
   * A read-write key the central system may change without a reboot.
   *
   * @param name the key's name
   * @param type the value's type and bounds
   * @param value the default value
   * @return the key, to {@link Configuration#define}
   */
  public static ConfigKey readWrite(String name, ConfigKey.Type type, String value) {
    return new ConfigKey(name, Access.READ_WRITE, type, value, false);
  }

  /**
   * A read-only key whose value follows from how the charge point is built ({@link Access#DERIVED}).
   *
   * @param name the key's name
   * @param value its value, fixed for this build
   * @return the key, to {@link Configuration#define}
   */
  public static ConfigKey derived(String name, String value) {
    return new ConfigKey(name, Access.DERIVED, new ConfigKey.Text(500), value, false);
  }
}
