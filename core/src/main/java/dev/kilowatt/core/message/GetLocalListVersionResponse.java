package dev.kilowatt.core.message;

/**
 * The version of the local authorization list: 0 when empty, -1 when local lists are not supported.
 *
 * @param listVersion the version SendLocalList last set, or one of those two values
 */
public record GetLocalListVersionResponse(int listVersion) implements Response {}
