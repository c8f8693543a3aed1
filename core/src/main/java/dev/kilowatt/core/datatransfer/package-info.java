/**
 * DataTransfer.req both ways: the central system's, answered by the embedder's handler of its vendorId, and the embedder's own.
 *
 * <p>Its public types are for the core's own wiring across blocks, not for embedders: an embedder uses
 * {@link dev.kilowatt.core.ChargePoint} and the ports.
 */
package dev.kilowatt.core.datatransfer;
