package io.cdp.trainer.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cdp.training.train.Progress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation end to end on a generated customer,date,amount history (never the real file). */
class ClvEvaluationTest {

    @TempDir
    Path dir;

    /** Customers who buy at a steady personal rate and basket, some of whom stop buying at a random day. */
    static Path generate(Path file, long seed) throws IOException {
        Random random = new Random(seed);
        LocalDate start = LocalDate.of(2025, 1, 1);
        StringBuilder csv = new StringBuilder("customer,date,amount\n");
        for (int c = 0; c < 1500; c++) {
            double rate = 0.005 + random.nextDouble() * 0.08; // purchases per day
            double basket = 10 + random.nextDouble() * 90;
            int join = random.nextInt(120);
            int stop = random.nextDouble() < 0.5 ? join + random.nextInt(400) : 10_000;
            csv.append("c").append(c).append(',').append(start.plusDays(join)).append(',');
            csv.append(String.format(java.util.Locale.ROOT, "%.2f", basket)).append('\n');
            for (int d = join + 1; d < Math.min(stop, 500); d++) {
                if (random.nextDouble() < rate) {
                    csv.append("c")
                            .append(c)
                            .append(',')
                            .append(start.plusDays(d))
                            .append(',');
                    csv.append(String.format(java.util.Locale.ROOT, "%.2f", basket * (0.5 + random.nextDouble())))
                            .append('\n');
                }
            }
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void scoresEveryCustomerAndRanksBetterThanChance() throws IOException {
        Path file = generate(dir.resolve("history.csv"), 5);
        List<Histories.History> histories = Histories.readCsv(file);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ClvEvaluation.Outcome outcome = ClvEvaluation.evaluate(
                histories,
                LocalDate.of(2025, 9, 30),
                LocalDate.of(2026, 3, 31),
                ClvTrainer.Settings.defaults(),
                Progress.silent(),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String table = buffer.toString(StandardCharsets.UTF_8);

        assertThat(outcome.customers()).isEqualTo(1500);
        assertThat(table).contains("| our model (gradient-boosted, calibration windows) |");
        assertThat(table).contains("BG/NBD + Gamma-Gamma (maximum likelihood)");
        // steady spenders are predictable: our ranking is far from chance and the total is calibrated
        assertThat(outcome.ours().spearman()).isGreaterThan(0.5);
        assertThat(outcome.ours().gini()).isGreaterThan(0.5);
        assertThat(outcome.ours().totalRatio()).isCloseTo(1.0, within(0.35));
        // the naive baseline predicts the calibration spend: with a 273-day calibration and a 182-day holdout its
        // total is well above the actual
        assertThat(outcome.calibrationSpend().totalRatio()).isGreaterThan(1.0);
        // the power was read off nested spans of the 91-day validation window (a third of it up to all of it), at
        // the 182-day horizon
        var training = outcome.training();
        assertThat(training.spanPowers()).isNotEmpty();
        assertThat(training.spanPowers().getLast().days()).isEqualTo(91);
        assertThat(training.spanPowers().getFirst().days()).isEqualTo(30);
        assertThat(training.power())
                .isCloseTo(ClvTrainer.extrapolatedPower(training.spanPowers(), 182), within(1e-12))
                .isBetween(1.0, 3.0);
        // and the model survives its artifact unchanged
        var model = outcome.training().model();
        var read = io.cdp.customers.analytics.ClvModel.read(model.write());
        Histories.History h = histories.getFirst();
        var b = io.cdp.customers.analytics.CustomerBehaviour.of(h.days(), LocalDate.of(2025, 9, 30), h.firstSeen());
        assertThat(read.predictSpend(b)).isCloseTo(model.predictSpend(b), within(1e-9));
    }

    @Test
    void readsCdnowLinesAndRefusesBrokenOnes() throws IOException {
        Path cdnow = dir.resolve("cdnow.txt");
        Files.writeString(
                cdnow,
                " customer_id  date number_of_cds  dollar_value\n 00001 19970101  1   11.77\n"
                        + " 00002 19970112  1   12.00\n 00002 19970112  5   77.00\n");
        List<Histories.History> h = Histories.readCdnow(cdnow);
        assertThat(h).hasSize(2);
        assertThat(h.get(1).days()).hasSize(1);
        assertThat(h.get(1).days().getFirst().amount()).isCloseTo(89.0, within(1e-9));
        assertThat(h.get(1).days().getFirst().count()).isEqualTo(6);
        Files.writeString(cdnow, " 00001 1997-01-01 1 11.77\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Histories.readCdnow(cdnow))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
