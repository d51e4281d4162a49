/** Label-based feature tables built by a batch job as of a day, respecting the label delay. */
@NullMarked
package io.cdp.features.labels;

import org.jspecify.annotations.NullMarked;
