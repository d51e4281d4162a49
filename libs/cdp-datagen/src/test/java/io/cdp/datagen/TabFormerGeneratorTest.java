package io.cdp.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabFormerGeneratorTest {

    private static final TabFormerGenerator.Options SMALL =
            new TabFormerGenerator.Options(60, 11, LocalDate.of(2019, 1, 1), 120);

    @Test
    void sameSeedGivesSameBytes(@TempDir Path a, @TempDir Path b) throws Exception {
        new TabFormerGenerator(SMALL).write(a);
        new TabFormerGenerator(SMALL).write(b);
        for (String f : List.of("users.csv", "cards.csv", "transactions.csv")) {
            assertThat(Files.readAllBytes(a.resolve(f))).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
    }

    @Test
    void differentSeedGivesDifferentData(@TempDir Path a, @TempDir Path b) throws Exception {
        new TabFormerGenerator(SMALL).write(a);
        new TabFormerGenerator(new TabFormerGenerator.Options(60, 12, SMALL.start(), SMALL.days())).write(b);
        assertThat(Files.readAllBytes(a.resolve("users.csv"))).isNotEqualTo(Files.readAllBytes(b.resolve("users.csv")));
    }

    @Test
    void fraudBoostRaisesFraudWithoutChangingTheSameCustomersOrdinaryData(@TempDir Path a, @TempDir Path b)
            throws Exception {
        var plain = new TabFormerGenerator(SMALL).write(a);
        var boosted = new TabFormerGenerator(
                        new TabFormerGenerator.Options(SMALL.users(), SMALL.seed(), SMALL.start(), SMALL.days(), 25))
                .write(b);
        assertThat(boosted.frauds()).isGreaterThan(5 * Math.max(1, plain.frauds()));
        // the customers themselves are the same people: only how often fraud strikes them changed
        assertThat(Files.readAllBytes(b.resolve("users.csv"))).isEqualTo(Files.readAllBytes(a.resolve("users.csv")));
    }

    @Test
    void noBoostIsTheDefault(@TempDir Path a, @TempDir Path b) throws Exception {
        new TabFormerGenerator(SMALL).write(a);
        new TabFormerGenerator(
                        new TabFormerGenerator.Options(SMALL.users(), SMALL.seed(), SMALL.start(), SMALL.days(), 1))
                .write(b);
        assertThat(Files.readAllBytes(b.resolve("transactions.csv")))
                .isEqualTo(Files.readAllBytes(a.resolve("transactions.csv")));
    }

    @Test
    void cardNumbersPassTheLuhnCheck() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(luhnValid(TabFormerGenerator.luhn(rng, "4", 16))).isTrue();
        }
    }

    static boolean luhnValid(String number) {
        int sum = 0;
        for (int i = number.length() - 1, k = 0; i >= 0; i--, k++) {
            int d = number.charAt(i) - '0';
            if (k % 2 == 1) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
