/** Online features of a card as libs/cdp-features defines them (io.cdp.features.online): reading and caching the feature-store item, and the MCC risk tables the vector reads. */
@NullMarked
package io.cdp.scoringapi.features;

import org.jspecify.annotations.NullMarked;
