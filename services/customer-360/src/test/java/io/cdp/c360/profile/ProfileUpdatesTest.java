package io.cdp.c360.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.c360.profile.NextBestAction.Action;
import io.cdp.events.payload.Channel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileUpdatesTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static ScoredSpend spend(LocalDate day, String amount, int mcc, Channel channel, boolean abroad, double score) {
        return new ScoredSpend(
                day,
                day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600),
                new BigDecimal(amount),
                mcc,
                channel,
                abroad,
                score,
                score > 0.9);
    }

    /** Applies spends in the given order as the store does: day aggregate first, then the profile from all days. */
    static Profile apply(List<ScoredSpend> spends) {
        Profile p = Profile.create("cus", NOW);
        List<DayAggregate> days = new ArrayList<>();
        for (ScoredSpend s : spends) {
            DayAggregate before = days.stream()
                    .filter(d -> d.day().equals(s.day()))
                    .findFirst()
                    .orElse(DayAggregate.empty(s.day()));
            days.remove(before);
            days.add(before.plus(s));
            p = ProfileUpdates.spent(p, days, s, (h, a, f) -> ProfileUpdates.Assignment.NONE, NOW);
        }
        return p;
    }

    @Test
    void windowsCountTheDaysUpToTheLatestPurchaseWhateverTheArrivalOrder() {
        LocalDate asOf = LocalDate.of(2026, 11, 30);
        List<ScoredSpend> spends = List.of(
                spend(asOf, "10.00", 5411, Channel.CHIP, false, 0.1),
                spend(asOf.minusDays(29), "20.00", 5812, Channel.ONLINE, true, 0.95),
                spend(asOf.minusDays(30), "30.00", 5411, Channel.SWIPE, false, 0.2),
                spend(asOf.minusDays(89), "40.00", 4111, Channel.CHIP, false, 0.3),
                spend(asOf.minusDays(364), "50.00", 5411, Channel.CHIP, false, 0.3),
                spend(asOf.minusDays(365), "60.00", 5411, Channel.CHIP, false, 0.99));
        Profile inOrder = apply(spends);
        Profile reversed = apply(spends.reversed());

        for (Profile p : List.of(inOrder, reversed)) {
            assertThat(p.asOf()).isEqualTo(asOf);
            assertThat(p.firstSeen()).isEqualTo(asOf.minusDays(365));
            assertThat(p.windows().last30().count()).isEqualTo(2);
            assertThat(p.windows().last30().sum()).isEqualByComparingTo("30.00");
            assertThat(p.windows().last30().mean()).isEqualByComparingTo("15.00");
            assertThat(p.windows().last90().count()).isEqualTo(4);
            assertThat(p.windows().last365().count()).isEqualTo(5);
            assertThat(p.windows().last365().sum()).isEqualByComparingTo("150.00");
            assertThat(p.categoryMix()).containsEntry("GROCERY", 0.6).containsEntry("DINING", 0.2);
            assertThat(p.channelMix()).containsEntry("CHIP", 0.6).containsEntry("ONLINE", 0.2);
            assertThat(p.shareAbroad()).isEqualTo(0.2);
            assertThat(p.risk().highestRecentScore()).isEqualTo(0.95);
            assertThat(p.risk().alertsRaised()).isEqualTo(2);
            assertThat(p.risk().lastFraudAlertAt())
                    .isEqualTo(asOf.minusDays(29)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .plusSeconds(3600));
        }
        assertThat(reversed.windows()).isEqualTo(inOrder.windows());
    }

    @Test
    void aDayRefusesASpendOfAnotherDay() {
        assertThatThrownBy(() -> DayAggregate.empty(LocalDate.of(2026, 1, 1))
                        .plus(spend(LocalDate.of(2026, 1, 2), "1.00", 5411, Channel.CHIP, false, 0.1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void consentsDefaultToFraudAlertsOnlyAndChangeOnlyWhatIsNamed() {
        Consents defaults = Consents.defaults(NOW);
        assertThat(defaults.fraudAlertsEmail().granted()).isTrue();
        assertThat(defaults.fraudAlertsSms().granted()).isTrue();
        assertThat(defaults.anyMarketing()).isFalse();
        Instant later = NOW.plusSeconds(60);
        Consents changed = defaults.with(Map.of("marketingSms", true), later);
        assertThat(changed.marketingSms()).isEqualTo(new Consents.Consent(true, later));
        assertThat(changed.marketingEmail()).isEqualTo(defaults.marketingEmail());
        assertThatThrownBy(() -> defaults.with(Map.of("fax", true), later))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextBestActionFollowsTheRulesInOrder() {
        LocalDate asOf = LocalDate.of(2026, 11, 30);
        List<ScoredSpend> heavyThenQuiet = new ArrayList<>();
        for (int i = 40; i < 340; i += 10) {
            heavyThenQuiet.add(spend(asOf.minusDays(i), "400.00", 5411, Channel.CHIP, false, 0.1));
        }
        heavyThenQuiet.add(spend(asOf, "5.00", 5411, Channel.CHIP, false, 0.1));
        Profile declining = apply(heavyThenQuiet);
        Instant now = asOf.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofDays(1));

        assertThat(NextBestActions.decide(declining, now).action())
                .as("no marketing consent")
                .isEqualTo(Action.NONE);
        Profile consenting =
                declining.withConsents(declining.consents().with(Map.of("marketingEmail", true), now), now);
        assertThat(NextBestActions.decide(consenting, now).action())
                .as("12,005 a year, almost nothing in 30 days")
                .isEqualTo(Action.RETENTION_OFFER);

        Profile alerted = apply(List.of(spend(asOf, "50.00", 5411, Channel.CHIP, false, 0.97)));
        alerted = alerted.withConsents(alerted.consents().with(Map.of("marketingSms", true), now), now);
        assertThat(NextBestActions.decide(alerted, now).reason()).contains("fraud alert");
        assertThat(NextBestActions.decide(alerted, now.plus(Duration.ofDays(8))).action())
                .as("seven days after the alert the silence ends")
                .isEqualTo(Action.CROSS_SELL);
    }

    @Test
    void mccGroupsCoverTheCommonCodes() {
        assertThat(MccGroup.of(5411)).isEqualTo(MccGroup.GROCERY);
        assertThat(MccGroup.of(5812)).isEqualTo(MccGroup.DINING);
        assertThat(MccGroup.of(5541)).isEqualTo(MccGroup.FUEL_AUTO);
        assertThat(MccGroup.of(3001)).isEqualTo(MccGroup.TRAVEL);
        assertThat(MccGroup.of(5732)).isEqualTo(MccGroup.RETAIL);
        assertThat(MccGroup.of(8011)).isEqualTo(MccGroup.HEALTH);
        assertThat(MccGroup.of(1)).isEqualTo(MccGroup.OTHER);
    }
}
