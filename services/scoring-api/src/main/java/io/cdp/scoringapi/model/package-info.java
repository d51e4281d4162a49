/** Models: the registry, the live model swapped atomically on promotion, and the first model of the local profile. */
@NullMarked
package io.cdp.scoringapi.model;

import org.jspecify.annotations.NullMarked;
