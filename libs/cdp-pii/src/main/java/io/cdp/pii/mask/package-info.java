/** Masking: values reduced to what is useful and not identifying (last four, initials, zip3, bands). */
@NullMarked
package io.cdp.pii.mask;

import org.jspecify.annotations.NullMarked;
