/**
 * The online card model ({@code OnlineFeatures.MODEL_NAME} over {@code OnlineFeatures.SCHEMA} of libs/cdp-features):
 * its one training path and the MCC risk tables stored beside it. The stream transformer (startup training in the
 * local profile) and the scoring API (its first local model) both train through here, so the model either of them
 * publishes is the one the other scores with.
 */
@NullMarked
package io.cdp.training.online;

import org.jspecify.annotations.NullMarked;
