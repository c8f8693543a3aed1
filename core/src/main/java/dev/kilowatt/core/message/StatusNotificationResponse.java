package dev.kilowatt.core.message;

/** The Central System's empty acknowledgement of a status report. */
public record StatusNotificationResponse() implements Response {}
