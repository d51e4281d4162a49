package io.cdp.c360.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Spend over the last 30, 90 and 365 days as of a day: the window of {@code n} days as of {@code asOf} holds the days
 * {@code asOf - n + 1 .. asOf} (UTC), so a batch recomputation over the same events gives the same figures. Sums are
 * exact decimals; the mean is rounded to cents.
 */
public record SpendWindows(Window last30, Window last90, Window last365) {

    public record Window(int days, long count, BigDecimal sum, BigDecimal mean) {

        static Window over(int days, Collection<DayAggregate> aggregates, LocalDate asOf) {
            LocalDate from = asOf.minusDays(days - 1L);
            long count = 0;
            BigDecimal sum = BigDecimal.ZERO;
            for (DayAggregate d : aggregates) {
                if (!d.day().isBefore(from) && !d.day().isAfter(asOf)) {
                    count += d.count();
                    sum = sum.add(d.sum());
                }
            }
            return of(days, count, sum);
        }

        public static Window of(int days, long count, BigDecimal sum) {
            BigDecimal mean = count == 0
                    ? BigDecimal.ZERO.setScale(2)
                    : sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN);
            return new Window(days, count, sum, mean);
        }
    }

    public static final SpendWindows EMPTY = new SpendWindows(
            Window.of(30, 0, BigDecimal.ZERO), Window.of(90, 0, BigDecimal.ZERO), Window.of(365, 0, BigDecimal.ZERO));

    public static SpendWindows of(Collection<DayAggregate> days, LocalDate asOf) {
        return new SpendWindows(Window.over(30, days, asOf), Window.over(90, days, asOf), Window.over(365, days, asOf));
    }
}
