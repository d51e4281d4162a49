/** Online features of a card: the feature store item, its cache, and the vector a model sees. */
@NullMarked
package io.cdp.scoringapi.features;

import org.jspecify.annotations.NullMarked;
