package dev.kilowatt.core.message;

/** The Central System's empty acknowledgement of a signed firmware status report. */
public record SignedFirmwareStatusNotificationResponse() implements Response {}
