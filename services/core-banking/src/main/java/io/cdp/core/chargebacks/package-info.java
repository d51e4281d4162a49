/**
 * Chargebacks: the frauds core banking learns of when card holders dispute them, days or weeks later, reported to the
 * lake as label evidence for the closed loop's retraining (libs/cdp-lake's {@code labels/evidence/}).
 */
@NullMarked
package io.cdp.core.chargebacks;

import org.jspecify.annotations.NullMarked;
