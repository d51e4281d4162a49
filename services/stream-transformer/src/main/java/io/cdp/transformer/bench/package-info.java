/** The ./cdp bench stream command: processing rate in process, end-to-end rate and feature freshness against the emulator. */
@NullMarked
package io.cdp.transformer.bench;

import org.jspecify.annotations.NullMarked;
