package dev.kilowatt.core;

import dev.kilowatt.core.configuration.Configuration;
import dev.kilowatt.core.configuration.CoreKeys;
import dev.kilowatt.core.messaging.Counters;
import dev.kilowatt.core.port.Indicator;
import java.lang.System.Logger.Level;

/**
 * The charge point's light: LightIntensity sets its brightness, and it blinks BlinkRepeat times when it answers a
 * card. It hears the card decisions as the embedder's listener does, and passes everything on to it.
 */
final class StationLight implements ChargePointListener {

  private static final System.Logger LOG = System.getLogger(StationLight.class.getName());

  private final Indicator indicator;
  private final Configuration config;
  private final Counters counters;
  private final ChargePointListener embedder;

  /** Defines the light's keys and sets its brightness from them. */
  StationLight(Indicator indicator, Configuration config, Counters counters, ChargePointListener embedder) {
    this.indicator = indicator;
    this.config = config;
    this.counters = counters;
    this.embedder = embedder;
    CoreKeys.defineIndicator(config);
    config.onChange(CoreKeys.LIGHT_INTENSITY, value -> shine());
  }

  void shine() {
    signal(() -> indicator.setIntensity(config.integer(CoreKeys.LIGHT_INTENSITY)));
  }

  @Override
  public void onStatusChanged(int connectorId, ConnectorState state, ConnectorFault fault) {
    embedder.onStatusChanged(connectorId, state, fault);
  }

  @Override
  public void onCardDecision(String idTag, boolean accepted) {
    signal(() -> indicator.blink(config.integer(CoreKeys.BLINK_REPEAT)));
    embedder.onCardDecision(idTag, accepted);
  }

  @Override
  public void onRebooting() {
    embedder.onRebooting();
  }

  /** A light that fails is no reason to stop charging: it is logged and counted. */
  private void signal(Runnable command) {
    try {
      command.run();
    } catch (RuntimeException e) {
      counters.increment("indicator.failed");
      LOG.log(Level.WARNING, "the indicator failed", e);
    }
  }
}
