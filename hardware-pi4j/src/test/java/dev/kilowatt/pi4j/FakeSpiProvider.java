package dev.kilowatt.pi4j;

import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiConfig;
import com.pi4j.io.spi.SpiProviderBase;
import com.pi4j.plugin.mock.provider.spi.MockSpi;
import java.util.Arrays;
import java.util.Map;

/**
 * A Pi4J SPI provider whose devices answer according to what they are sent: each chip select gets a chip
 * emulated at register level, so the adapters run their real SPI code against it.
 */
final class FakeSpiProvider extends SpiProviderBase {

  static final String ID = "fake-spi";

  /** One emulated chip: the bytes it clocks out for the bytes it receives. */
  interface Device {
    /**
     * Exchanges one transfer.
     *
     * @return false to make the transfer fail, as a broken bus would
     */
    boolean exchange(byte[] tx, byte[] rx);
  }

  private final Map<Integer, Device> devicesByChipSelect;

  FakeSpiProvider(Map<Integer, Device> devicesByChipSelect) {
    super(ID, "Fake SPI devices");
    this.devicesByChipSelect = devicesByChipSelect;
  }

  @Override
  public Spi create(SpiConfig config) {
    Device device = devicesByChipSelect.get(config.channel());
    if (device == null) {
      throw new IllegalArgumentException("no fake device on chip select " + config.channel());
    }
    Spi spi = new MockSpi(this, config) {
      @Override
      public int transfer(byte[] write, int writeOffset, byte[] read, int readOffset, int numberOfBytes) {
        byte[] tx = Arrays.copyOfRange(write, writeOffset, writeOffset + numberOfBytes);
        byte[] rx = new byte[numberOfBytes];
        if (!device.exchange(tx, rx)) {
          return -1;
        }
        System.arraycopy(rx, 0, read, readOffset, numberOfBytes);
        return numberOfBytes;
      }
    };
    context.registry().add(spi);
    return spi;
  }
}
