package io.cdp.scoring.registry;

/**
 * Where a model version stands. A trainer publishes versions as {@link #REGISTERED}; an explicit promotion makes one
 * {@link #LIVE} and retires the one it replaces; a retraining may first put a challenger in {@link #SHADOW}. Only a
 * LIVE version's score ever decides anything (see {@link ModelRegistry#serving()}): an unpromoted model must not raise
 * alerts.
 */
public enum ModelStatus {
    /** Published with its artifacts, waiting for an explicit promotion; never serves. */
    REGISTERED,
    /**
     * A challenger that passed the promotion policy offline and now runs beside the live version for the policy's
     * shadow days: the stream transformer scores every transaction with it too and records that score in the lake,
     * but only the live version's score decides and alerts. The next retraining after the shadow days promotes it or
     * returns it to REGISTERED; at most one version shadows at a time.
     */
    SHADOW,
    /** Promoted: the version every scorer of this model uses. */
    LIVE,
    /** Was live once and was replaced; kept for rollback and audit. */
    RETIRED
}
