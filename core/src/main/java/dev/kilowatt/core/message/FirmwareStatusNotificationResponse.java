package dev.kilowatt.core.message;

/** The Central System's empty acknowledgement of a firmware status report. */
public record FirmwareStatusNotificationResponse() implements Response {}
