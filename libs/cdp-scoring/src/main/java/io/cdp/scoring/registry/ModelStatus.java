package io.cdp.scoring.registry;

/**
 * Where a model version stands. A trainer publishes versions as {@link #REGISTERED}; an explicit promotion makes one
 * {@link #LIVE} and retires the one it replaces. Only a LIVE version ever scores anything (see
 * {@link ModelRegistry#serving()}): an unpromoted model must not raise alerts.
 */
public enum ModelStatus {
    /** Published with its artifacts, waiting for an explicit promotion; never serves. */
    REGISTERED,
    /** Promoted: the version every scorer of this model uses. */
    LIVE,
    /** Was live once and was replaced; kept for rollback and audit. */
    RETIRED
}
