package io.cdp.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.events.payload.Channel;
import io.cdp.events.payload.TransactionRecordedV1;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftScenarioTest {

    private static final DriftScenario.Options WITH =
            new DriftScenario.Options(3, 60, LocalDate.of(2026, 1, 5), 30, 2.0, 0.5, 20, 2);

    @Test
    void theNewPatternStartsOnItsDayAsNightSwipesAtHome() {
        DriftScenario.Generated g = DriftScenario.generate(WITH);
        List<TransactionRecordedV1> pattern = g.transactions().stream()
                .filter(t -> g.newPatternIds().contains(t.transactionId()))
                .toList();

        assertThat(pattern).isNotEmpty().allSatisfy(t -> {
            assertThat(t.fraudLabel()).isTrue();
            assertThat(t.channel()).isEqualTo(Channel.SWIPE);
            assertThat(LocalDate.ofInstant(t.transactionTime(), ZoneOffset.UTC))
                    .isAfterOrEqualTo(WITH.from().plusDays(20));
            assertThat(t.transactionTime().atZone(ZoneOffset.UTC).getHour()).isBetween(1, 5);
        });
    }

    @Test
    void withoutTheNewPatternTheRestOfTheHistoryIsTheSame() {
        DriftScenario.Generated with = DriftScenario.generate(WITH);
        DriftScenario.Generated without = DriftScenario.generate(WITH.withoutNewPattern());

        assertThat(without.newPatternIds()).isEmpty();
        List<String> rest = with.transactions().stream()
                .filter(t -> !with.newPatternIds().contains(t.transactionId()))
                .map(t -> t.cardToken().value() + t.transactionTime() + t.amount())
                .toList();
        assertThat(without.transactions().stream()
                        .map(t -> t.cardToken().value() + t.transactionTime() + t.amount())
                        .toList())
                .isEqualTo(rest);
    }

    @Test
    void isDeterministicForASeed() {
        assertThat(DriftScenario.generate(WITH)).isEqualTo(DriftScenario.generate(WITH));
    }
}
