/**
 * Feature definitions of the CDP suite, each written once and computable two ways: over a time-sorted
 * history (batch, for point-in-time correct training sets) and incrementally from per-key state (streaming).
 * Plain Java, no framework, so the model trainer and the stream transformer share exactly this code.
 */
@NullMarked
package io.cdp.features;

import org.jspecify.annotations.NullMarked;
