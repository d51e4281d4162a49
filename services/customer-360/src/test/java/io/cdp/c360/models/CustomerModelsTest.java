package io.cdp.c360.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.c360.profile.DayAggregate;
import io.cdp.c360.profile.ProfileUpdates;
import io.cdp.customers.analytics.ClvModel;
import io.cdp.customers.analytics.CustomerBehaviour;
import io.cdp.customers.analytics.DailySpend;
import io.cdp.customers.analytics.SegmentModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Online assignment from a profile's daily aggregates: the LIVE models' answers, with their versions, or nothing. */
class CustomerModelsTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

    static CustomerModels of(SegmentModel segments, ClvModel clv) {
        return new CustomerModels() {
            @Override
            public Optional<SegmentModel> segments() {
                return Optional.ofNullable(segments);
            }

            @Override
            public Optional<ClvModel> clv() {
                return Optional.ofNullable(clv);
            }
        };
    }

    @Test
    void assignsTheSegmentAndClvOfTheSameBehaviourTheLibraryComputes() {
        Random random = new Random(3);
        List<CustomerBehaviour> population = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            List<DailySpend> history = new ArrayList<>();
            int purchases = random.nextInt(40);
            for (int i = 0; i < purchases; i++) {
                history.add(new DailySpend(AS_OF.minusDays(random.nextInt(365)), 1, 10 + random.nextInt(200)));
            }
            population.add(CustomerBehaviour.of(history, AS_OF, AS_OF.minusDays(400)));
        }
        SegmentModel segments = SegmentModel.fit(population, 4, 42, "seg-test.1");
        ClvModel clv = ClvModel.runRate("clv-test.1", 90, 1.0);

        List<DayAggregate> days = List.of(
                new DayAggregate(AS_OF.minusDays(3), 2, new BigDecimal("120.50"), Map.of(), Map.of(), 0, 0.1, 0),
                new DayAggregate(AS_OF.minusDays(40), 1, new BigDecimal("80.00"), Map.of(), Map.of(), 0, 0.1, 0),
                new DayAggregate(AS_OF.minusDays(200), 3, new BigDecimal("300.00"), Map.of(), Map.of(), 0, 0.1, 0));
        ProfileUpdates.Assignment a = of(segments, clv).assign(days, AS_OF, AS_OF.minusDays(200));

        CustomerBehaviour expected = CustomerBehaviour.of(
                List.of(
                        new DailySpend(AS_OF.minusDays(3), 2, 120.50),
                        new DailySpend(AS_OF.minusDays(40), 1, 80.00),
                        new DailySpend(AS_OF.minusDays(200), 3, 300.00)),
                AS_OF,
                AS_OF.minusDays(200));
        assertThat(a.segment()).isNotNull();
        assertThat(a.segment().name()).isEqualTo(segments.assign(expected).name());
        assertThat(a.segment().cluster()).isEqualTo(segments.assign(expected).cluster());
        assertThat(a.segment().modelVersion()).isEqualTo("seg-test.1");
        assertThat(a.lifetimeValue()).isNotNull();
        assertThat(a.lifetimeValue().predictedSpend().doubleValue())
                .isCloseTo(clv.predictSpend(expected), org.assertj.core.data.Offset.offset(0.006));
        assertThat(a.lifetimeValue().predictedSpend().doubleValue()).isPositive();
        assertThat(a.lifetimeValue().modelVersion()).isEqualTo("clv-test.1");
        assertThat(a.lifetimeValue().horizonDays()).isEqualTo(90);
    }

    @Test
    void withoutModelsNothingIsAssigned() {
        assertThat(of(null, null).assign(List.of(), AS_OF, AS_OF)).isEqualTo(ProfileUpdates.Assignment.NONE);
    }
}
