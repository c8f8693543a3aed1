package dev.kilowatt.core.message;

/** The Central System's empty acknowledgement of a log upload status. */
public record LogStatusNotificationResponse() implements Response {}
