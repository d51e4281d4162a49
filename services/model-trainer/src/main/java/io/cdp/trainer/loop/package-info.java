/**
 * The closed loop: labels joined from the lake ({@code io.cdp.lake.labels}) retrain the online card model
 * ({@link io.cdp.trainer.loop.Retraining}), the challenger and the live champion are judged on the same latest
 * fully-labelled week, a configurable policy decides ({@link io.cdp.trainer.loop.PromotionPolicy}), drift is measured
 * against the champion's training data ({@link io.cdp.trainer.loop.Psi}), and every decision lands in the registry
 * with its numbers ({@link io.cdp.trainer.loop.RetrainRun}). {@link io.cdp.trainer.loop.LoopEvaluation} plays the loop
 * over generated data in which fraud changes.
 */
@NullMarked
package io.cdp.trainer.loop;

import org.jspecify.annotations.NullMarked;
