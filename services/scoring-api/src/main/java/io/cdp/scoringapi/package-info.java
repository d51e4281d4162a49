/** The scoring API: REST fraud scoring with online features, the model registry and promotion. */
@NullMarked
package io.cdp.scoringapi;

import org.jspecify.annotations.NullMarked;
