/**
 * DataTransfer.req from the central system, answered by the embedder's handler of its vendorId.
 *
 * <p>Its public types are for the core's own wiring across blocks, not for embedders: an embedder uses
 * {@link dev.kilowatt.core.ChargePoint} and the ports.
 */
package dev.kilowatt.core.datatransfer;
