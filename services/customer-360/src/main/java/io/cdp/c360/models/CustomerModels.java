package io.cdp.c360.models;

import io.cdp.c360.profile.DayAggregate;
import io.cdp.c360.profile.LifetimeValue;
import io.cdp.c360.profile.ProfileUpdates;
import io.cdp.c360.profile.SegmentView;
import io.cdp.customers.analytics.ClvModel;
import io.cdp.customers.analytics.CustomerBehaviour;
import io.cdp.customers.analytics.DailySpend;
import io.cdp.customers.analytics.SegmentModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The LIVE segment and CLV models (model names {@code customer-segments} and {@code customer-clv} in the registry),
 * as the consumer assigns them online from a profile's daily aggregates. Either may be absent: no model registered
 * yet, and the profile's segment or lifetime value stays null.
 */
public interface CustomerModels extends ProfileUpdates.Assigner {

    String SEGMENTS = "customer-segments";
    String CLV = "customer-clv";

    Optional<SegmentModel> segments();

    Optional<ClvModel> clv();

    @Override
    default ProfileUpdates.Assignment assign(Collection<DayAggregate> history, LocalDate asOf, LocalDate firstSeen) {
        Optional<SegmentModel> segments = segments();
        Optional<ClvModel> clv = clv();
        if (segments.isEmpty() && clv.isEmpty()) {
            return ProfileUpdates.Assignment.NONE;
        }
        List<DailySpend> daily = history.stream()
                .filter(d -> d.count() > 0)
                .map(d -> new DailySpend(d.day(), d.count(), d.sum().doubleValue()))
                .toList();
        CustomerBehaviour behaviour = CustomerBehaviour.of(daily, asOf, firstSeen);
        SegmentView segment =
                segments.map(m -> SegmentView.of(m.assign(behaviour))).orElse(null);
        LifetimeValue value = clv.map(m -> new LifetimeValue(
                        BigDecimal.valueOf(Math.max(0.0, m.predictSpend(behaviour)))
                                .setScale(2, RoundingMode.HALF_EVEN),
                        m.horizonDays(),
                        m.version()))
                .orElse(null);
        return new ProfileUpdates.Assignment(segment, value);
    }
}
