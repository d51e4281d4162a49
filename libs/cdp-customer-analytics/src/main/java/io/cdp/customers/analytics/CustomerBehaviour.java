package io.cdp.customers.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A customer's behaviour as of a day, from at most {@link #LOOKBACK_DAYS} days of daily spend: recency, frequency,
 * monetary value, tenure, inter-purchase rhythm and trend. Training (at cut-offs inside a calibration period) and
 * online assignment (from a profile's daily aggregates) build it the same way, so a model sees the same features in
 * both places; a profile keeps 365 days, hence the lookback.
 *
 * @param asOf                  the last day the history covers (purchases after it are ignored)
 * @param tenureDays            days from first seen to {@code asOf}
 * @param recencyDays           days from the last purchase to {@code asOf}; with no purchase, the days since first
 *                              seen (capped at the lookback)
 * @param purchaseDays          distinct days with a purchase
 * @param transactions          purchases
 * @param monetary              total spend
 * @param meanDaySpend          spend per purchase day (0 with none)
 * @param maxDaySpend           largest day's spend
 * @param lastDaySpend          the last purchase day's spend
 * @param spend30               spend in the last 30 days (ending on {@code asOf})
 * @param spend90               spend in the last 90 days
 * @param spend180              spend in the last 180 days
 * @param days30                purchase days in the last 30 days
 * @param days90                purchase days in the last 90 days
 * @param days180               purchase days in the last 180 days
 * @param ageDays               days from the first purchase in the lookback to {@code asOf} (BG/NBD's T; 0 with none)
 * @param activeSpanDays        days from the first to the last purchase (BG/NBD's t_x)
 * @param meanInterPurchaseDays mean gap between purchase days (NaN with fewer than two)
 * @param overdueRatio          recency over the mean gap (NaN with fewer than two purchase days)
 * @param spendTrend            (last 90 days' spend - the 90 before) / (their sum + 1), in (-1, 1)
 * @param frequencyTrend        the same with purchase days
 */
public record CustomerBehaviour(
        LocalDate asOf,
        int tenureDays,
        int recencyDays,
        int purchaseDays,
        int transactions,
        double monetary,
        double meanDaySpend,
        double maxDaySpend,
        double lastDaySpend,
        double spend30,
        double spend90,
        double spend180,
        int days30,
        int days90,
        int days180,
        int ageDays,
        int activeSpanDays,
        double meanInterPurchaseDays,
        double overdueRatio,
        double spendTrend,
        double frequencyTrend) {

    /** How far back the features look: a profile keeps 365 days of daily aggregates. */
    public static final int LOOKBACK_DAYS = 365;

    /** The names of {@link #features()}, in order: a model artifact records them and is checked against them. */
    public static final List<String> FEATURE_NAMES = List.of(
            "tenure_days",
            "recency_days",
            "purchase_days",
            "transactions",
            "monetary",
            "mean_day_spend",
            "max_day_spend",
            "last_day_spend",
            "spend_30",
            "spend_90",
            "spend_180",
            "days_30",
            "days_90",
            "days_180",
            "age_days",
            "active_span_days",
            "mean_inter_purchase_days",
            "overdue_ratio",
            "spend_trend",
            "frequency_trend",
            "purchase_rate");

    public CustomerBehaviour {
        Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * Builds the behaviour from a history (any order; several entries of one day are added up; days with neither a
     * purchase nor an amount count as no purchase).
     *
     * @param history   daily spend; entries after {@code asOf} or older than the lookback are ignored
     * @param asOf      the last day covered
     * @param firstSeen when the customer became known (clamped to {@code asOf}); the first purchase if earlier
     */
    public static CustomerBehaviour of(List<DailySpend> history, LocalDate asOf, LocalDate firstSeen) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(firstSeen, "firstSeen");
        LocalDate windowStart = asOf.minusDays(LOOKBACK_DAYS - 1L);
        TreeMap<LocalDate, double[]> byDay = new TreeMap<>();
        LocalDate earliest = firstSeen.isAfter(asOf) ? asOf : firstSeen;
        for (DailySpend d : history) {
            if (d.day().isAfter(asOf)) {
                continue;
            }
            if (d.day().isBefore(earliest)) {
                earliest = d.day();
            }
            if (d.day().isBefore(windowStart) || (d.count() == 0 && d.amount() == 0.0)) {
                continue;
            }
            double[] agg = byDay.computeIfAbsent(d.day(), k -> new double[2]);
            agg[0] += d.count();
            agg[1] += d.amount();
        }
        int tenure = (int) ChronoUnit.DAYS.between(earliest, asOf);
        int purchaseDays = byDay.size();
        int transactions = 0;
        double monetary = 0;
        double max = 0;
        double s30 = 0, s90 = 0, s180 = 0, sPrev90 = 0;
        int d30 = 0, d90 = 0, d180 = 0, dPrev90 = 0;
        for (var e : byDay.entrySet()) {
            long ago = ChronoUnit.DAYS.between(e.getKey(), asOf);
            double amount = e.getValue()[1];
            transactions += (int) e.getValue()[0];
            monetary += amount;
            max = Math.max(max, amount);
            if (ago < 30) {
                s30 += amount;
                d30++;
            }
            if (ago < 90) {
                s90 += amount;
                d90++;
            } else if (ago < 180) {
                sPrev90 += amount;
                dPrev90++;
            }
            if (ago < 180) {
                s180 += amount;
                d180++;
            }
        }
        int recency;
        int age;
        int span;
        double last;
        if (purchaseDays == 0) {
            recency = Math.min(tenure, LOOKBACK_DAYS);
            age = 0;
            span = 0;
            last = 0;
        } else {
            recency = (int) ChronoUnit.DAYS.between(byDay.lastKey(), asOf);
            age = (int) ChronoUnit.DAYS.between(byDay.firstKey(), asOf);
            span = (int) ChronoUnit.DAYS.between(byDay.firstKey(), byDay.lastKey());
            last = byDay.lastEntry().getValue()[1];
        }
        double gap = purchaseDays >= 2 ? (double) span / (purchaseDays - 1) : Double.NaN;
        double overdue = purchaseDays >= 2 ? recency / gap : Double.NaN;
        return new CustomerBehaviour(
                asOf,
                tenure,
                recency,
                purchaseDays,
                transactions,
                monetary,
                purchaseDays == 0 ? 0 : monetary / purchaseDays,
                max,
                last,
                s30,
                s90,
                s180,
                d30,
                d90,
                d180,
                age,
                span,
                gap,
                overdue,
                (s90 - sPrev90) / (Math.abs(s90) + Math.abs(sPrev90) + 1),
                (d90 - dPrev90) / (double) (d90 + dPrev90 + 1));
    }

    /** Repeat purchase days per day since the first purchase (a BG/NBD-like rate; 0 with one purchase day). */
    public double purchaseRate() {
        return purchaseDays <= 1 ? 0 : (purchaseDays - 1) / (double) Math.max(ageDays, 1);
    }

    /** The model features, named by {@link #FEATURE_NAMES} (NaN where undefined: tree models treat it as missing). */
    public double[] features() {
        return new double[] {
            tenureDays,
            recencyDays,
            purchaseDays,
            transactions,
            monetary,
            meanDaySpend,
            maxDaySpend,
            lastDaySpend,
            spend30,
            spend90,
            spend180,
            days30,
            days90,
            days180,
            ageDays,
            activeSpanDays,
            meanInterPurchaseDays,
            overdueRatio,
            spendTrend,
            frequencyTrend,
            purchaseRate()
        };
    }
}
