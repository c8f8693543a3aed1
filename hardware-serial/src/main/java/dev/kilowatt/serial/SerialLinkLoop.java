package dev.kilowatt.serial;

import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.port.FaultListener;

/** A device loop on a raw {@link SerialLink}, for the devices that do not speak Modbus. */
abstract class SerialLinkLoop<L extends FaultListener> extends DeviceLoop<L> {

  final byte[] buffer = new byte[256];
  /** The open line; null while disconnected. */
  SerialLink link;

  SerialLinkLoop(String device, SerialDeviceConfig config, String faultSource, ConnectorFault fault) {
    super(device, config, faultSource, fault);
  }

  @Override
  final void connect() throws DeviceException {
    link = SerialLink.open(config);
    setUp();
  }

  /**
   * Readies a freshly opened line: drops what was half-read on the previous one and sets the device up. The
   * line is closed again if this fails.
   */
  void setUp() throws DeviceException {}

  @Override
  final void disconnect() {
    if (link != null) {
      link.close();
      link = null;
    }
  }
}
