package dev.kilowatt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.core.port.EnergyMeter;
import dev.kilowatt.core.port.MeterReading;
import dev.kilowatt.core.time.EventLoop;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatedConnectorOnEventLoopTest {

  @Test
  void meterPollsOnTheLoopWhileAnotherThreadDrivesTheEv() throws Exception {
    var charging = new CountDownLatch(3);
    var loopThread = new CompletableFuture<Thread>();
    try (var loop = new EventLoop();
        var connector = new SimulatedConnector(loop,
            SimulatedConnector.Settings.defaults().withMeterPollInterval(Duration.ofMillis(10)))) {
      loop.execute(() -> loopThread.complete(Thread.currentThread()));
      Thread theLoop = loopThread.get(10, TimeUnit.SECONDS);
      connector.meter().start(new EnergyMeter.Listener() {
        @Override
        public void onReading(MeterReading reading) {
          if (reading.powerImportW() > 0 && Thread.currentThread() == theLoop) {
            charging.countDown();
          }
        }
      });

      connector.ev().plug();
      connector.pilot().offer(16);
      connector.ev().requestEnergy();
      connector.relay().close();

      assertTrue(charging.await(10, TimeUnit.SECONDS), "no readings of the EV charging arrived");
      assertEquals(15.6 * 230, connector.meter().powerW());
      assertTrue(connector.meter().energyWh() > 0);
    }
  }
}
