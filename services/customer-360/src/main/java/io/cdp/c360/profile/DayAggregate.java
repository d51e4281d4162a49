package io.cdp.c360.profile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One customer's purchases of one UTC day: what the windows, mixes and recent risk are computed from, and what online
 * segment and CLV assignment rebuild a customer's history from (a profile keeps 365 days of them).
 *
 * @param categories purchase counts by {@link MccGroup} name
 * @param channels   purchase counts by channel name
 * @param maxScore   the highest fraud score of the day
 */
public record DayAggregate(
        LocalDate day,
        int count,
        BigDecimal sum,
        Map<String, Integer> categories,
        Map<String, Integer> channels,
        int abroad,
        double maxScore,
        int alerts) {

    public DayAggregate {
        categories = Map.copyOf(categories);
        channels = Map.copyOf(channels);
    }

    public static DayAggregate empty(LocalDate day) {
        return new DayAggregate(day, 0, BigDecimal.ZERO, Map.of(), Map.of(), 0, 0.0, 0);
    }

    public DayAggregate plus(ScoredSpend s) {
        if (!s.day().equals(day)) {
            throw new IllegalArgumentException("spend of " + s.day() + " added to the day " + day);
        }
        Map<String, Integer> cats = new TreeMap<>(categories);
        cats.merge(MccGroup.of(s.mcc()).name(), 1, Integer::sum);
        Map<String, Integer> chans = new TreeMap<>(channels);
        chans.merge(s.channel().name(), 1, Integer::sum);
        return new DayAggregate(
                day,
                count + 1,
                sum.add(s.amount()),
                cats,
                chans,
                abroad + (s.abroad() ? 1 : 0),
                Math.max(maxScore, s.score()),
                alerts + (s.alert() ? 1 : 0));
    }
}
