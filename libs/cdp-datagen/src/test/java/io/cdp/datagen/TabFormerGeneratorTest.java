package io.cdp.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
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
        assertThat(Files.readAllBytes(b.resolve("cards.csv"))).isEqualTo(Files.readAllBytes(a.resolve("cards.csv")));
        assertThat(joined(rows(b, false))).isEqualTo(joined(rows(a, false)));
    }

    @Test
    void theStartDateMovesNeitherThePeopleNorWhereFraudStrikes(@TempDir Path a, @TempDir Path b) throws Exception {
        // a Tuesday and the Wednesday after: the weekdays change how many ordinary purchases each day draws
        LocalDate tuesday = LocalDate.of(2026, 8, 11), wednesday = tuesday.plusDays(1);
        var one = new TabFormerGenerator(new TabFormerGenerator.Options(60, 11, tuesday, 120, 8)).write(a);
        var other = new TabFormerGenerator(new TabFormerGenerator.Options(60, 11, wednesday, 120, 8)).write(b);
        assertThat(one.transactions()).isNotEqualTo(other.transactions());
        assertThat(Files.readAllBytes(b.resolve("users.csv"))).isEqualTo(Files.readAllBytes(a.resolve("users.csv")));
        assertThat(Files.readAllBytes(b.resolve("cards.csv"))).isEqualTo(Files.readAllBytes(a.resolve("cards.csv")));
        assertThat(joined(relativeTo(tuesday, rows(a, true))))
                .isNotEmpty()
                .isEqualTo(joined(relativeTo(wednesday, rows(b, true))));
    }

    /**
     * {@code ./cdp demo} generates 100 users over 120 days ending today with seed 28 and boost 8, streams the last
     * tenth (about the last 12 days) and then retrains with labels as of today: the 7-day label delay puts the
     * evaluation week on days 105..111 and the 4 validation days on 101..104. Without fraud in each, the demo has
     * nothing to alert on or cannot retrain (as it did with seed 7 on some days before the fraud layout stopped
     * depending on the start date).
     */
    @Test
    void theDemoSeedPutsFraudInTheLiveDaysAndTheRetrainingsWindows(@TempDir Path out) throws Exception {
        LocalDate start = LocalDate.of(2026, 8, 10);
        new TabFormerGenerator(new TabFormerGenerator.Options(100, 28, start, 120, 8)).write(out);
        int[] fraudsByDay = new int[120];
        for (String[] f : relativeTo(start, rows(out, true))) {
            fraudsByDay[Integer.parseInt(f[2])]++;
        }
        assertThat(IntStream.rangeClosed(108, 119)
                        .filter(d -> fraudsByDay[d] > 0)
                        .count())
                .as("days with fraud among the live days")
                .isGreaterThanOrEqualTo(4);
        assertThat(IntStream.rangeClosed(101, 104).map(d -> fraudsByDay[d]).sum())
                .as("frauds on the validation days")
                .isGreaterThanOrEqualTo(5);
        assertThat(IntStream.rangeClosed(105, 111).map(d -> fraudsByDay[d]).sum())
                .as("frauds in the evaluation week")
                .isGreaterThanOrEqualTo(10);
    }

    /** The transactions' fields, fraud only or ordinary only. */
    private static List<String[]> rows(Path dir, boolean fraud) throws Exception {
        try (var lines = Files.lines(dir.resolve("transactions.csv"))) {
            return lines.skip(1)
                    .filter(l -> l.endsWith(",Yes") == fraud)
                    .map(l -> l.split(",", -1))
                    .toList();
        }
    }

    private static List<String> joined(List<String[]> rows) {
        return rows.stream().map(f -> String.join(",", f)).toList();
    }

    /** Each row with its date (year, month, day) replaced by days since {@code start}, as comparable strings. */
    private static List<String[]> relativeTo(LocalDate start, List<String[]> rows) {
        return rows.stream()
                .map(f -> {
                    long day = LocalDate.of(Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]))
                                    .toEpochDay()
                            - start.toEpochDay();
                    String[] g = f.clone();
                    g[2] = Long.toString(day);
                    g[3] = "";
                    g[4] = "";
                    return g;
                })
                .toList();
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
