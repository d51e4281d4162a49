/** Bounded, serializable per-key event windows: the incremental state behind every windowed feature. */
@NullMarked
package io.cdp.features.window;

import org.jspecify.annotations.NullMarked;
