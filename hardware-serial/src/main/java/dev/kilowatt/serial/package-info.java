/**
 * Serial-bus adapters through jSerialComm: an Eastron SDM meter and an EVSE DIN board on Modbus RTU (through
 * j2mod), an OpenEVSE controller on RAPI, and PN532 (HSU) and RDM6300 card readers.
 *
 * <p>Each adapter takes a {@link dev.kilowatt.serial.SerialDeviceConfig}, talks to its device on its own daemon
 * thread once started (serial I/O blocks and never runs on the charge point's event loop), reports through the
 * core port's listener from that thread, and is closed with {@code close()}. Failures to reach a device are
 * retried with back-off and reported as a {@link dev.kilowatt.core.port.HardwareFault} after three in a row, with
 * a vendor error code naming the cause; the fault is cleared when the device answers again, without a restart.
 * Log output goes through SLF4J, like j2mod's.
 */
package dev.kilowatt.serial;
