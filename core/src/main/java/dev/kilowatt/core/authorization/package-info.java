/**
 * Whether an idTag may charge: Authorize.req, the authorization cache, the local authorization list
 * (SendLocalList, GetLocalListVersion) and the offline rules.
 *
 * <p>Its public types are for the core's own wiring across blocks, not for embedders: an embedder uses
 * {@link dev.kilowatt.core.ChargePoint} and the ports.
 */
package dev.kilowatt.core.authorization;
