/**
 * The online card features, one definition for every process that touches them: the card's state
 * ({@link io.cdp.features.online.CardOnlineState}, its byte format), the feature-store item it lives in
 * ({@link io.cdp.features.online.FeatureStoreItem}), the vector a model sees and how it is computed, incrementally and
 * over a history ({@link io.cdp.features.online.OnlineFeatures}), and the MCC risk tables it reads. The stream
 * transformer writes the state, the scoring API reads it, and training computes its rows with the same code.
 */
@NullMarked
package io.cdp.features.online;

import org.jspecify.annotations.NullMarked;
