package io.cdp.c360.profile;

import io.cdp.c360.profile.NextBestAction.Action;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The next-best-action rules, first match wins. Evaluated when a profile is read, as of that moment: the seven days of
 * silence after a fraud alert end by the clock, not by a later event.
 *
 * <ol>
 *   <li>a fraud alert within 7 days: no marketing (a customer just warned of fraud must not get an offer);</li>
 *   <li>no marketing consent by e-mail or SMS: none;</li>
 *   <li>high value (predicted CLV, else 365-day spend, at or over {@link #HIGH_VALUE}) and at risk (an at-risk segment,
 *       or the last 30 days under half the 365-day monthly run rate): retention offer;</li>
 *   <li>lapsed (a lapsed segment, or nothing spent in 90 days after spending before): reactivation offer;</li>
 *   <li>a best-customer segment: loyalty reward;</li>
 *   <li>active in fewer than three categories: cross-sell;</li>
 *   <li>otherwise none.</li>
 * </ol>
 */
public final class NextBestActions {

    public static final Duration ALERT_SILENCE = Duration.ofDays(7);
    public static final BigDecimal HIGH_VALUE = new BigDecimal("5000");

    static final Set<String> AT_RISK = Set.of("At Risk", "Cannot Lose Them", "About to Sleep");
    static final Set<String> LAPSED = Set.of("Hibernating", "Lost");
    static final Set<String> BEST = Set.of("Champions", "Loyal");

    private NextBestActions() {}

    public static NextBestAction decide(Profile p, Instant now) {
        Instant alert = p.risk().lastFraudAlertAt();
        if (alert != null && !alert.plus(ALERT_SILENCE).isBefore(now)) {
            return new NextBestAction(Action.NONE, "fraud alert within 7 days: no marketing");
        }
        if (!p.consents().anyMarketing()) {
            return new NextBestAction(Action.NONE, "no marketing consent");
        }
        // "" without a segment: Set.of(...).contains(null) throws
        String segment = p.segment() != null ? p.segment().name() : "";
        BigDecimal year = p.windows().last365().sum();
        BigDecimal value = p.lifetimeValue() != null ? p.lifetimeValue().predictedSpend() : year;
        boolean declining = year.signum() > 0
                && p.windows()
                                .last30()
                                .sum()
                                .multiply(BigDecimal.valueOf(12))
                                .compareTo(year.multiply(new BigDecimal("0.5")))
                        < 0;
        if (value.compareTo(HIGH_VALUE) >= 0 && (AT_RISK.contains(segment) || declining)) {
            return new NextBestAction(Action.RETENTION_OFFER, "high value and at risk");
        }
        if (LAPSED.contains(segment)
                || (year.signum() > 0 && p.windows().last90().count() == 0)) {
            return new NextBestAction(Action.REACTIVATION_OFFER, "lapsed customer");
        }
        if (BEST.contains(segment)) {
            return new NextBestAction(Action.LOYALTY_REWARD, "best customers: reward loyalty");
        }
        if (p.windows().last365().count() > 0 && p.categoryMix().size() < 3) {
            return new NextBestAction(Action.CROSS_SELL, "active in fewer than three categories");
        }
        return new NextBestAction(Action.NONE, "no rule applies");
    }
}
