package io.cdp.customers.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentModelTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    /** Three kinds of customer: frequent big spenders, occasional small ones, and lapsed ones. */
    static List<CustomerBehaviour> population(long seed) {
        Random random = new Random(seed);
        List<CustomerBehaviour> out = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            int kind = c % 3;
            List<DailySpend> days = new ArrayList<>();
            if (kind == 0) {
                for (int d = 0; d < 360; d += 3 + random.nextInt(4)) {
                    days.add(new DailySpend(AS_OF.minusDays(d), 2, 80 + random.nextDouble() * 40));
                }
            } else if (kind == 1) {
                for (int i = 0; i < 3; i++) {
                    days.add(new DailySpend(AS_OF.minusDays(random.nextInt(120)), 1, 10 + random.nextDouble() * 5));
                }
            } else {
                days.add(new DailySpend(AS_OF.minusDays(300 + random.nextInt(50)), 1, 20 + random.nextDouble() * 10));
            }
            out.add(CustomerBehaviour.of(days, AS_OF, AS_OF.minusDays(364)));
        }
        return out;
    }

    @Test
    void theRfmMapCoversEveryScoreWithTheStandardNames() {
        Set<String> names = new HashSet<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    names.add(SegmentModel.segmentName(r, f, m));
                }
            }
        }
        assertThat(names).isEqualTo(new HashSet<>(SegmentModel.SEGMENT_NAMES));
        assertThat(SegmentModel.segmentName(5, 5, 5)).isEqualTo("Champions");
        assertThat(SegmentModel.segmentName(1, 1, 1)).isEqualTo("Lost");
        assertThat(SegmentModel.segmentName(1, 5, 5)).isEqualTo("Cannot Lose Them");
        assertThat(SegmentModel.segmentName(5, 1, 1)).isEqualTo("New");
        assertThat(SegmentModel.segmentName(4, 1, 1)).isEqualTo("Promising");
        assertThat(SegmentModel.segmentName(3, 3, 3)).isEqualTo("Need Attention");
        assertThat(SegmentModel.segmentName(2, 3, 4)).isEqualTo("At Risk");
        assertThatThrownBy(() -> SegmentModel.segmentName(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quintileCutsAreThePopulationsPercentiles() {
        double[] cuts = SegmentModel.quintileCuts(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        // Commons Math's default estimator: position p(n+1)/100
        assertThat(cuts).containsExactly(2.2, 4.4, 6.6, 8.8);
    }

    @Test
    void fitsSeparatesTheKindsAndNamesThem() {
        List<CustomerBehaviour> customers = population(1);
        SegmentModel model = SegmentModel.fit(customers, 3, 42, "seg-test-1");

        Segment bigSpender = model.assign(customers.get(0));
        Segment lapsed = model.assign(customers.get(2));
        assertThat(bigSpender.name()).isEqualTo("Champions");
        assertThat(bigSpender.modelVersion()).isEqualTo("seg-test-1");
        assertThat(bigSpender.cluster()).isZero(); // clusters are numbered by spend, highest first
        assertThat(bigSpender.description()).contains("frequent").contains("high spend");
        assertThat(lapsed.name()).isIn("Hibernating", "Lost");
        assertThat(lapsed.description()).contains("lapsed");
        assertThat(model.clusters()).hasSize(3);
        assertThat(model.clusters().stream()
                        .mapToInt(SegmentModel.Cluster::size)
                        .sum())
                .isEqualTo(300);
        // every big spender lands in one cluster, every lapsed customer in another
        assertThat(lapsed.cluster()).isNotEqualTo(bigSpender.cluster());
        for (int c = 0; c < 300; c++) {
            if (c % 3 == 1) {
                continue; // the occasional customers' recency spreads over 120 days: they may split
            }
            assertThat(model.assign(customers.get(c)).cluster())
                    .isEqualTo(model.assign(customers.get(c % 3)).cluster());
        }
        Segment nobody = model.assign(CustomerBehaviour.of(List.of(), AS_OF, AS_OF.minusDays(200)));
        assertThat(nobody.name()).isEqualTo("Lost");
        Segment newcomer = model.assign(CustomerBehaviour.of(List.of(), AS_OF, AS_OF.minusDays(3)));
        assertThat(newcomer.name()).isEqualTo("New");
    }

    @Test
    void theSameSeedGivesTheSameModelAndJsonRoundTrips() {
        List<CustomerBehaviour> customers = population(7);
        SegmentModel a = SegmentModel.fit(customers, 4, 99, "v1");
        SegmentModel b = SegmentModel.fit(customers, 4, 99, "v1");
        assertThat(a.toJson()).isEqualTo(b.toJson());

        SegmentModel read = SegmentModel.fromJson(a.toJson());
        assertThat(read.version()).isEqualTo("v1");
        assertThat(read.fittedCustomers()).isEqualTo(300);
        for (CustomerBehaviour c : customers) {
            assertThat(read.assign(c)).isEqualTo(a.assign(c));
        }
    }

    @Test
    void refusesWhatIsNotASegmentModel() {
        assertThatThrownBy(() -> SegmentModel.fromJson("{\"format\":\"x\"}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SegmentModel.fromJson("not json".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SegmentModel.fit(List.of(), 3, 1, "v")).isInstanceOf(IllegalArgumentException.class);
    }
}
