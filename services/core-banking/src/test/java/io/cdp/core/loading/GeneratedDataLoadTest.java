package io.cdp.core.loading;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Transaction;
import io.cdp.datagen.TabFormerGenerator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated TabFormer data loads with zero rejects and carries every fraud scenario the generator knows. */
class GeneratedDataLoadTest {

    @Test
    void outputLoadsCleanlyWithEveryFraudScenarioAndSeveralCardsPerUser(@TempDir Path dir) throws Exception {
        var stats =
                new TabFormerGenerator(new TabFormerGenerator.Options(400, 3, LocalDate.of(2019, 1, 1), 90)).write(dir);
        List<Transaction> txs = new ArrayList<>();
        List<Card> cards = new ArrayList<>();
        List<io.cdp.core.tabformer.Customer> customers = new ArrayList<>();
        try (RejectReport rejects = new RejectReport(dir.resolve("rejects.jsonl"))) {
            var summary = new TabFormerLoader(
                            TabFormerLoaderTest.sink(customers, cards, txs),
                            rejects,
                            new PrintStream(PrintStream.nullOutputStream()))
                    .load(TabFormerLoader.Files3.find(dir));
            assertThat(summary.rejected()).isZero();
            assertThat(summary.transactions()).isEqualTo(stats.transactions());
        }
        // every customer has a phone number, from the fictional block only
        assertThat(customers)
                .hasSize(400)
                .allSatisfy(c -> assertThat(c.phone()).matches(io.cdp.core.tabformer.TabFormerParser.FICTIONAL_PHONE));
        assertThat(stats.cardTesting()).isPositive();
        assertThat(stats.compromisedMerchant()).isPositive();
        assertThat(stats.accountTakeover()).isPositive();
        assertThat(stats.cnpSpree()).isPositive();
        assertThat(txs.stream().filter(Transaction::fraud).count()).isEqualTo(stats.frauds());
        assertThat(cards.size()).isGreaterThan(400);
        assertThat(txs.stream().filter(t -> t.amount().signum() < 0).count()).isPositive();
        assertThat(txs.stream().map(Transaction::channel).distinct().count()).isEqualTo(3);
        // richer customers spend more per transaction on average
        assertThat(txs.stream()
                        .filter(t -> !t.fraud())
                        .mapToDouble(t -> t.amount().doubleValue())
                        .average()
                        .orElseThrow())
                .isBetween(10.0, 200.0);
    }
}
