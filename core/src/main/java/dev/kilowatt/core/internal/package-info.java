/**
 * What the core's functional blocks share and an embedder does not need: how a configuration key is
 * typed and checked ({@link dev.kilowatt.core.internal.ConfigKey}).
 *
 * <p>Not API: these types are public only so that the core's own packages can use each other's; they carry
 * no compatibility promise, may change or go in any release, and are left out of the published javadoc.
 * Embedders and adapters use {@link dev.kilowatt.core.ChargePoint}, its builder, the ports and the messages
 * (an embedder's own configuration keys are {@link dev.kilowatt.core.VendorKey}s); the architecture tests
 * fail on any class outside the core that depends on this package.
 */
package dev.kilowatt.core.internal;
