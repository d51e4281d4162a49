/**
 * The online card model from the bank's own history: a point-in-time training set from the lake's {@code raw/}
 * transactions with the very feature code the stream transformer runs ({@link io.cdp.trainer.online.LakeTraining}),
 * the same pipeline as an evaluation with a temporal split ({@link io.cdp.trainer.online.OnlineEvaluation}), and the
 * feature store seeded with each card's state at the end of that history ({@link io.cdp.trainer.online.FeatureBackfill}).
 */
@NullMarked
package io.cdp.trainer.online;

import org.jspecify.annotations.NullMarked;
