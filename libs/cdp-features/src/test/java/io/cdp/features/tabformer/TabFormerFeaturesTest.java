package io.cdp.features.tabformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cdp.features.csv.Csv;
import io.cdp.features.labels.LabelFeatureTableBuilder;
import io.cdp.features.labels.LabelledEvent;
import io.cdp.features.window.ApplyOutcome;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TabFormerFeaturesTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2015, 3, 1, 14, 30);

    private static double f(double[] row, String name) {
        return row[TabFormerFeatures.NAMES.indexOf(name)];
    }

    private static TabFormerTransaction tx(
            long id,
            LocalDateTime t,
            int user,
            int card,
            long merchant,
            String state,
            String zip,
            TabFormerTransaction.UseChip chip,
            String errors) {
        return new TabFormerTransaction(
                id, user, card, t, 12.5, chip, merchant, "Town", state, zip, 5411, errors, false);
    }

    @Test
    void parsesTheFormatsQuotedErrorsMoneyAndFloatZips() {
        TabFormerTransaction t = TabFormerCsv.parseTransaction(
                3,
                Csv.split(
                        "0,1,2002,9,1,06:21,$-25.00,Swipe Transaction,3527213246127876953,La Verne,CA,91750.0,5300,\"Bad PIN,Insufficient Balance,\",Yes\r"));
        assertThat(t.amount()).isEqualTo(-25.0);
        assertThat(t.zip()).isEqualTo("91750");
        assertThat(t.errors()).isEqualTo("Bad PIN,Insufficient Balance,");
        assertThat(t.fraud()).isTrue();
        assertThat(t.time()).isEqualTo(LocalDateTime.of(2002, 9, 1, 6, 21));
        assertThat(TabFormerCsv.money("\"$29,278 \"".replace("\"", ""))).isEqualTo(29278.0);
        assertThat(TabFormerCsv.normaliseZip("1234.0")).isEqualTo("01234");
    }

    @Test
    void flagsChannelForeignMerchantAndErrorKinds() {
        TabFormerContext ctx = TabFormerContext.withoutLabelsOrGeography();
        double[] foreign = TabFormerFeatures.stateless(
                tx(1, T0, 0, 0, 1, "Italy", null, TabFormerTransaction.UseChip.CHIP, "Bad CVV,Technical Glitch,"), ctx);
        assertThat(f(foreign, "foreign_merchant")).isEqualTo(1);
        assertThat(f(foreign, "use_chip")).isEqualTo(1);
        assertThat(f(foreign, "any_error")).isEqualTo(1);
        assertThat(f(foreign, "error_bad_card_data")).isEqualTo(1);
        assertThat(f(foreign, "error_technical_glitch")).isEqualTo(1);
        assertThat(f(foreign, "error_bad_pin")).isZero();
        assertThat(f(foreign, "hour_of_day")).isEqualTo(14);
        double[] online =
                TabFormerFeatures.stateless(tx(2, T0, 0, 0, 1, "", null, TabFormerTransaction.UseChip.ONLINE, ""), ctx);
        assertThat(f(online, "foreign_merchant")).isZero();
        assertThat(f(online, "use_online")).isEqualTo(1);
        assertThat(f(online, "any_error")).isZero();
        assertThat(f(online, "mcc_risk_unknown")).isEqualTo(1);
    }

    @Test
    void distanceIsKnownOnlyWithAHomeAndAMerchantZipInTheGazetteer() {
        GeoPoint home = new GeoPoint(34.15, -117.76);
        TabFormerContext ctx = new TabFormerContext(
                d -> null,
                "RISK_30DAY_WINDOW",
                Map.of(0, home),
                Map.of("91754", new GeoPoint(34.05, -118.14), "91750", home));
        double[] near = TabFormerFeatures.stateless(
                tx(1, T0, 0, 0, 1, "CA", "91754", TabFormerTransaction.UseChip.SWIPE, ""), ctx);
        assertThat(f(near, "distance_unknown")).isZero();
        assertThat(f(near, "distance_from_home_km")).isCloseTo(36.6, within(1.0));
        double[] unknownZip = TabFormerFeatures.stateless(
                tx(2, T0, 0, 0, 1, "CA", "10001", TabFormerTransaction.UseChip.SWIPE, ""), ctx);
        assertThat(f(unknownZip, "distance_unknown")).isEqualTo(1);
        assertThat(f(unknownZip, "distance_from_home_km")).isEqualTo(TabFormerFeatures.UNKNOWN);
        double[] unknownUser = TabFormerFeatures.stateless(
                tx(3, T0, 5, 0, 1, "CA", "91750", TabFormerTransaction.UseChip.SWIPE, ""), ctx);
        assertThat(f(unknownUser, "distance_unknown")).isEqualTo(1);
    }

    @Test
    void mccRiskComesFromTheTableAsOfTheTransactionDay() {
        LocalDate day = T0.toLocalDate();
        var table = LabelFeatureTableBuilder.build(
                "mcc",
                List.of(
                        new LabelledEvent("5411", day.minusDays(10).atTime(9, 0), true),
                        new LabelledEvent("5411", day.minusDays(10).atTime(10, 0), false)),
                day,
                7,
                new int[] {30});
        TabFormerContext ctx =
                new TabFormerContext(d -> d.equals(day) ? table : null, "RISK_30DAY_WINDOW", Map.of(), Map.of());
        double[] row = TabFormerFeatures.stateless(
                tx(1, T0, 0, 0, 1, "CA", null, TabFormerTransaction.UseChip.SWIPE, ""), ctx);
        assertThat(f(row, "mcc_risk")).isEqualTo(0.5);
        assertThat(f(row, "mcc_risk_unknown")).isZero();
    }

    @Test
    void cardHistoryGivesTimeSinceLastAndFirstMerchantWithColdStartSentinel() {
        TabFormerContext ctx = TabFormerContext.withoutLabelsOrGeography();
        CardHistoryState s = new CardHistoryState();
        double[] first = s.apply(tx(1, T0, 0, 0, 77, "CA", null, TabFormerTransaction.UseChip.SWIPE, ""), ctx)
                .features();
        assertThat(f(first, "card_first_tx")).isEqualTo(1);
        assertThat(f(first, "seconds_since_card_last_tx")).isEqualTo(-1);
        assertThat(f(first, "first_time_at_merchant")).isEqualTo(1);
        double[] second = s.apply(
                        tx(2, T0.plusMinutes(3), 0, 0, 77, "CA", null, TabFormerTransaction.UseChip.SWIPE, ""), ctx)
                .features();
        assertThat(f(second, "seconds_since_card_last_tx")).isEqualTo(180);
        assertThat(f(second, "first_time_at_merchant")).isZero();
        assertThat(s.apply(tx(2, T0.plusMinutes(3), 0, 0, 77, "CA", null, TabFormerTransaction.UseChip.SWIPE, ""), ctx)
                        .outcome())
                .isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(s.apply(tx(9, T0, 0, 0, 77, "CA", null, TabFormerTransaction.UseChip.SWIPE, ""), ctx)
                        .outcome())
                .isEqualTo(ApplyOutcome.TOO_LATE);
    }

    @Test
    void incrementalCardHistoryEqualsTheBatchIncludingMerchantEviction() {
        Random rnd = new Random(42);
        List<TabFormerTransaction> txs = new ArrayList<>();
        LocalDateTime t = T0;
        for (int i = 0; i < 5_000; i++) {
            t = t.plusMinutes(rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(600));
            long merchant = rnd.nextInt(3) == 0 ? rnd.nextInt(5) : rnd.nextInt(400); // more than the 256 remembered
            txs.add(tx(
                    i, t, rnd.nextInt(2), rnd.nextInt(2), merchant, "CA", null, TabFormerTransaction.UseChip.CHIP, ""));
        }
        TabFormerContext ctx = TabFormerContext.withoutLabelsOrGeography();
        double[][] batch = TabFormerFeatures.compute(txs, ctx);
        Map<String, CardHistoryState> states = new HashMap<>();
        for (int i = 0; i < txs.size(); i++) {
            TabFormerTransaction x = txs.get(i);
            CardHistoryState s =
                    CardHistoryState.fromSnapshot(states.computeIfAbsent(x.cardKey(), k -> new CardHistoryState())
                            .snapshot());
            states.put(x.cardKey(), s);
            assertThat(s.apply(x, ctx).features()).as("tx %d", i).containsExactly(batch[i]);
        }
    }
}
