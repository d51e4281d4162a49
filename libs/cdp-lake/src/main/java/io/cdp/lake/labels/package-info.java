/**
 * Labels in the lake: what the bank learns about a transaction after it was scored (a customer's answer to an alert,
 * a chargeback) kept as {@link io.cdp.lake.labels.LabelEvidence} under {@code labels/evidence/}, and the one rule that
 * turns evidence into training labels as of a moment ({@link io.cdp.lake.labels.LabelJoin}): point in time, never a
 * label before the bank could have known it, and silence counts as "not fraud" only after the label delay.
 */
@NullMarked
package io.cdp.lake.labels;

import org.jspecify.annotations.NullMarked;
