package dev.kilowatt.core.message;

/** The Central System's empty acknowledgement of meter values. */
public record MeterValuesResponse() implements Response {}
