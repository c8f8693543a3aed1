package dev.kilowatt.core.message;

/** The charge point's empty acknowledgement; progress follows in FirmwareStatusNotification. */
public record UpdateFirmwareResponse() implements Response {}
