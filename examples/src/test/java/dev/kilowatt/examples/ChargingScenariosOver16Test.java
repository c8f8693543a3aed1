package dev.kilowatt.examples;

/** {@link ChargingScenarios} with {@code --protocol 1.6}, against ChargeTime's Java-OCA-OCPP server. */
class ChargingScenariosOver16Test extends ChargingScenarios {

  @Override
  CentralSystemView startCentralSystem() {
    return new ChargeTimeView();
  }
}
