package io.cdp.c360.profile;

import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.CustomerUpsertedV1;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How each event changes a profile: pure functions, no I/O. The store supplies the current profile and the daily
 * aggregates, and writes what these return (exactly once per event id).
 */
public final class ProfileUpdates {

    /** Segment and CLV for a customer's daily history: the LIVE models, or nulls when none is registered. */
    @FunctionalInterface
    public interface Assigner {
        Assignment assign(Collection<DayAggregate> history, LocalDate asOf, LocalDate firstSeen);
    }

    public record Assignment(
            @Nullable SegmentView segment, @Nullable LifetimeValue lifetimeValue) {
        public static final Assignment NONE = new Assignment(null, null);
    }

    private ProfileUpdates() {}

    public static Profile customerUpserted(Profile p, CustomerUpsertedV1 e, Instant now) {
        SealedPii sealed = new SealedPii(
                e.encryptedName().value(),
                e.encryptedEmail().value(),
                e.encryptedAddress().value());
        return new Profile(
                p.customerToken(),
                MaskedIdentity.of(e),
                sealed,
                p.firstSeen(),
                p.asOf(),
                p.windows(),
                p.categoryMix(),
                p.channelMix(),
                p.shareAbroad(),
                p.risk(),
                p.segment(),
                p.lifetimeValue(),
                p.consents(),
                p.preferredLanguage(),
                p.version(),
                p.createdAt(),
                now);
    }

    /**
     * A purchase: {@code days} already holds it (the caller added it to its day). Windows, mixes and recent risk are
     * recomputed as of the latest purchase day, so a late event changes the figures it belongs to and never moves
     * the profile back in time.
     */
    public static Profile spent(
            Profile p, Collection<DayAggregate> days, ScoredSpend s, Assigner assigner, Instant now) {
        LocalDate asOf = p.asOf() == null || s.day().isAfter(p.asOf()) ? s.day() : p.asOf();
        LocalDate firstSeen = p.firstSeen() == null || s.day().isBefore(p.firstSeen()) ? s.day() : p.firstSeen();
        LocalDate from365 = asOf.minusDays(364);
        LocalDate from30 = asOf.minusDays(29);
        Map<String, Integer> categories = new TreeMap<>();
        Map<String, Integer> channels = new TreeMap<>();
        long count = 0;
        long abroad = 0;
        double recentMax = 0.0;
        for (DayAggregate d : days) {
            if (d.day().isBefore(from365) || d.day().isAfter(asOf)) {
                continue;
            }
            count += d.count();
            abroad += d.abroad();
            d.categories().forEach((k, v) -> categories.merge(k, v, Integer::sum));
            d.channels().forEach((k, v) -> channels.merge(k, v, Integer::sum));
            if (!d.day().isBefore(from30)) {
                recentMax = Math.max(recentMax, d.maxScore());
            }
        }
        Risk r = p.risk();
        Instant lastAlert = r.lastFraudAlertAt();
        if (s.alert() && (lastAlert == null || s.transactionTime().isAfter(lastAlert))) {
            lastAlert = s.transactionTime();
        }
        Risk risk = new Risk(
                recentMax, r.alertsRaised() + (s.alert() ? 1 : 0), r.confirmedFrauds(), r.deniedFrauds(), lastAlert);
        Assignment assigned = assigner.assign(days, asOf, firstSeen);
        return new Profile(
                p.customerToken(),
                p.identity(),
                p.sealed(),
                firstSeen,
                asOf,
                SpendWindows.of(days, asOf),
                shares(categories, count),
                shares(channels, count),
                count == 0 ? 0.0 : (double) abroad / count,
                risk,
                assigned.segment() != null ? assigned.segment() : p.segment(),
                assigned.lifetimeValue() != null ? assigned.lifetimeValue() : p.lifetimeValue(),
                p.consents(),
                p.preferredLanguage(),
                p.version(),
                p.createdAt(),
                now);
    }

    public static Profile feedback(Profile p, CustomerFeedbackReceivedV1 e, Instant now) {
        Risk r = p.risk();
        boolean confirmed = e.verdict() == CustomerFeedbackReceivedV1.Verdict.CONFIRMED_FRAUD;
        Risk risk = new Risk(
                r.highestRecentScore(),
                r.alertsRaised(),
                r.confirmedFrauds() + (confirmed ? 1 : 0),
                r.deniedFrauds() + (confirmed ? 0 : 1),
                r.lastFraudAlertAt());
        return new Profile(
                p.customerToken(),
                p.identity(),
                p.sealed(),
                p.firstSeen(),
                p.asOf(),
                p.windows(),
                p.categoryMix(),
                p.channelMix(),
                p.shareAbroad(),
                risk,
                p.segment(),
                p.lifetimeValue(),
                p.consents(),
                p.preferredLanguage(),
                p.version(),
                p.createdAt(),
                now);
    }

    /** Shares rounded to 4 decimals, by key order (a stable document). */
    static Map<String, Double> shares(Map<String, Integer> counts, long total) {
        Map<String, Double> shares = new TreeMap<>();
        if (total == 0) {
            return shares;
        }
        counts.forEach((k, v) -> shares.put(k, Math.round(v * 10_000.0 / total) / 10_000.0));
        return shares;
    }
}
