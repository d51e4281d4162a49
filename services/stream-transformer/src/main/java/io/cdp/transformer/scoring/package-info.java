/** Fraud scoring with libs/cdp-scoring: the model in use, its thresholds and reason codes, and the local fallback that trains a small model when none is published. */
@NullMarked
package io.cdp.transformer.scoring;

import org.jspecify.annotations.NullMarked;
