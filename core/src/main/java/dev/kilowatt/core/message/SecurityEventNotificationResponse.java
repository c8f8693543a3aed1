package dev.kilowatt.core.message;

/** The Central System's empty acknowledgement of a security event. */
public record SecurityEventNotificationResponse() implements Response {}
