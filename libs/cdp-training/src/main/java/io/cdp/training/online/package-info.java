/**
 * The online card model ({@code OnlineFeatures.MODEL_NAME} over {@code OnlineFeatures.SCHEMA} of libs/cdp-features):
 * its one training path. The model-trainer job trains through here, and so do the fixture models of the services'
 * tests; the stream transformer and the scoring API score with whichever version the registry says is live.
 */
@NullMarked
package io.cdp.training.online;

import org.jspecify.annotations.NullMarked;
