package dev.kilowatt.core.message;

/** The version of the local authorization list: 0 when empty, -1 when local lists are not supported. */
public record GetLocalListVersionResponse(int listVersion) implements Response {}
