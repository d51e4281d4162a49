package io.cdp.core.datagen;

import io.cdp.core.loading.LoadSink;
import io.cdp.core.loading.RejectReport;
import io.cdp.core.loading.TabFormerLoader;
import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.core.tabformer.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TabFormerGeneratorTest {

    private static final TabFormerGenerator.Options SMALL = new TabFormerGenerator.Options(60, 11, LocalDate.of(2019, 1, 1), 120);

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
    void cardNumbersPassTheLuhnCheck() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(luhnValid(TabFormerGenerator.luhn(rng, "4", 16))).isTrue();
        }
    }

    @Test
    void outputLoadsCleanlyWithEveryFraudScenarioAndSeveralCardsPerUser(@TempDir Path dir) throws Exception {
        var stats = new TabFormerGenerator(new TabFormerGenerator.Options(400, 3, LocalDate.of(2019, 1, 1), 90)).write(dir);
        List<Transaction> txs = new ArrayList<>();
        List<Card> cards = new ArrayList<>();
        try (RejectReport rejects = new RejectReport(dir.resolve("rejects.jsonl"))) {
            var summary = new TabFormerLoader(collecting(new ArrayList<>(), cards, txs), rejects, new PrintStream(PrintStream.nullOutputStream()))
                    .load(TabFormerLoader.Files3.find(dir));
            assertThat(summary.rejected()).isZero();
            assertThat(summary.transactions()).isEqualTo(stats.transactions());
        }
        assertThat(stats.cardTesting()).isPositive();
        assertThat(stats.compromisedMerchant()).isPositive();
        assertThat(stats.accountTakeover()).isPositive();
        assertThat(stats.cnpSpree()).isPositive();
        assertThat(txs.stream().filter(Transaction::fraud).count()).isEqualTo(stats.frauds());
        assertThat(cards.size()).isGreaterThan(400);
        assertThat(cards.stream().allMatch(c -> luhnValid(c.cardNumber()))).isTrue();
        assertThat(txs.stream().filter(t -> t.amount().signum() < 0).count()).isPositive();
        assertThat(txs.stream().map(Transaction::channel).distinct().count()).isEqualTo(3);
        // richer customers spend more per transaction on average
        assertThat(txs.stream().filter(t -> !t.fraud()).mapToDouble(t -> t.amount().doubleValue()).average().orElseThrow()).isBetween(10.0, 200.0);
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

    static LoadSink collecting(List<Customer> customers, List<Card> cards, List<Transaction> txs) {
        return new LoadSink() {
            public void customer(Customer c) { customers.add(c); }
            public void card(Card c) { cards.add(c); }
            public void transaction(Transaction t) { txs.add(t); }
            public void flush() { }
        };
    }
}
