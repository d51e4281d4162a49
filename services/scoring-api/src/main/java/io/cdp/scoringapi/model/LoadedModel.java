package io.cdp.scoringapi.model;

import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.scorer.InProcessScorer;

/**
 * A model ready to serve: its registry entry and the parsed evaluator. Immutable and fully built before it becomes
 * live, so a request holds one consistent model from features to decision even while a promotion swaps the next.
 */
public record LoadedModel(ModelEntry entry, InProcessScorer scorer) {}
