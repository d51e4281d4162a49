/**
 * Fraud scoring with libs/cdp-scoring: the live model (the registry's serving version), its thresholds and reason
 * codes, swapped when another version is promoted.
 */
@NullMarked
package io.cdp.transformer.scoring;

import org.jspecify.annotations.NullMarked;
