package io.cdp.core.chargebacks;

/**
 * How frauds turn into chargebacks: the share of frauds a card holder disputes, and the fewest and most days from the
 * transaction to the dispute reaching the bank. The default reaches past the retraining's 7-day label delay, so some
 * frauds are first labelled genuine by silence and corrected later, as at a real issuer.
 *
 * @param rate    share of frauds disputed, 0..1
 * @param minDays fewest days from transaction to chargeback
 * @param maxDays most days
 */
public record ChargebackPolicy(double rate, int minDays, int maxDays) {

    public static final ChargebackPolicy DEFAULT = new ChargebackPolicy(0.8, 2, 30);

    public ChargebackPolicy {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("chargeback rate must be within 0..1, was " + rate);
        }
        if (minDays < 0 || maxDays < minDays) {
            throw new IllegalArgumentException(
                    "chargeback days must satisfy 0 <= min <= max, were " + minDays + ".." + maxDays);
        }
    }
}
