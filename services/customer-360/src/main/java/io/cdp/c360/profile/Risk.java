package io.cdp.c360.profile;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * @param highestRecentScore the highest fraud score of the last 30 days (as of the profile's latest spend)
 * @param alertsRaised       fraud alerts raised on the customer's transactions, ever
 * @param confirmedFrauds    alerts the customer confirmed as fraud
 * @param deniedFrauds       alerts the customer said were not fraud
 * @param lastFraudAlertAt   transaction time of the latest alerted transaction
 */
public record Risk(
        double highestRecentScore,
        int alertsRaised,
        int confirmedFrauds,
        int deniedFrauds,
        @Nullable Instant lastFraudAlertAt) {

    public static final Risk NONE = new Risk(0.0, 0, 0, 0, null);
}
