package io.cdp.alerting.context;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The part of customer-360's masked profile alerting uses (contract: GET /v1/customers/{customerToken}).
 *
 * @param erased the profile answered 410: the customer was erased, nothing may be sent
 */
public record CustomerProfile(
        @Nullable String segment,
        @Nullable String preferredLanguage,
        boolean fraudAlertsEmail,
        boolean fraudAlertsSms,
        boolean marketingEmail,
        boolean marketingSms,
        @Nullable Instant lastFraudAlertAt,
        boolean erased) {

    /** The contract's defaults for a customer nobody set consents on (also used while the profile does not exist). */
    public static CustomerProfile defaults() {
        return new CustomerProfile(null, null, true, true, false, false, null, false);
    }

    public static CustomerProfile erasedProfile() {
        return new CustomerProfile(null, null, false, false, false, false, null, true);
    }
}
