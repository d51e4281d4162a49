/** Operations: metrics, readiness of the Kinesis binding. */
@NullMarked
package io.cdp.transformer.ops;

import org.jspecify.annotations.NullMarked;
