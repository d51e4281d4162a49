/**
 * The models registry (table {@code models}) and the artifacts it points at in the models bucket: one item format,
 * one lifecycle ({@link io.cdp.scoring.registry.ModelStatus}) and one rule for the version that serves
 * ({@link io.cdp.scoring.registry.ModelRegistry#serving()}), shared by the trainer that publishes, the scoring API that
 * promotes and serves, and the stream transformer that scores.
 */
@NullMarked
package io.cdp.scoring.registry;

import org.jspecify.annotations.NullMarked;
