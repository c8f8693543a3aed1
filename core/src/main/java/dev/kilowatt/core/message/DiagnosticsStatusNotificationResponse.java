package dev.kilowatt.core.message;

/** The Central System's empty acknowledgement of a diagnostics status report. */
public record DiagnosticsStatusNotificationResponse() implements Response {}
