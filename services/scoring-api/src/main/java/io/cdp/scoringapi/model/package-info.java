/** Models: the live model (the registry's serving version), swapped atomically on promotion. */
@NullMarked
package io.cdp.scoringapi.model;

import org.jspecify.annotations.NullMarked;
