/**
 * Customer lifetime value: histories from a transaction file or the lake, the gradient-boosted spend model trained on
 * windows cut inside a calibration period, the BG/NBD + Gamma-Gamma and calibration-spend baselines, the metrics and
 * the {@code ./cdp eval clv} protocol.
 */
@NullMarked
package io.cdp.trainer.clv;

import org.jspecify.annotations.NullMarked;
