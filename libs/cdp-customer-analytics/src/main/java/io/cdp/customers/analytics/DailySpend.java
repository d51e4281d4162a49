package io.cdp.customers.analytics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One customer's purchases of one day.
 *
 * @param day    the day (in the bank's business time zone)
 * @param count  how many purchases
 * @param amount their total amount (refunds may make it negative; it is taken as given)
 */
public record DailySpend(LocalDate day, int count, double amount) {

    public DailySpend {
        Objects.requireNonNull(day, "day");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("amount must be finite: " + amount);
        }
    }
}
