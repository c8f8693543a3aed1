package dev.kilowatt.examples;

/** {@link ChargingScenarios} with {@code --protocol 2.0.1}, against npm's ocpp-rpc server in strict mode. */
class ChargingScenariosOver201Test extends ChargingScenarios {

  @Override
  CentralSystemView startCentralSystem() {
    return new OcppRpcView();
  }
}
