package io.cdp.core.loading;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.core.store.CoreStore;
import io.cdp.core.tabformer.Transaction;
import io.cdp.datagen.TabFormerGenerator;
import io.cdp.events.resources.CdpResources;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@AwsEmulatorTest
class LoadIdempotenceIT {

    @Test
    void loadingTheSameFilesTwiceChangesNothing(AwsClients clients, CdpResources names, @TempDir Path dir)
            throws Exception {
        new TabFormerGenerator(new TabFormerGenerator.Options(8, 3, LocalDate.of(2019, 1, 1), 15))
                .write(dir.resolve("data"));
        CoreStore store = new CoreStore(clients.dynamoDb(), names);
        TabFormerLoader.Summary first = load(clients, names, dir);
        List<Transaction> before = sorted(store.allTransactions());
        long customers = store.count(CdpResources.Table.CUSTOMERS);
        long cards = store.count(CdpResources.Table.CARDS);
        TabFormerLoader.Summary second = load(clients, names, dir);

        assertThat(second).isEqualTo(first);
        assertThat(before).hasSize((int) first.transactions());
        assertThat(customers).isEqualTo(first.users());
        assertThat(cards).isEqualTo(first.cards());
        assertThat(store.count(CdpResources.Table.CUSTOMERS)).isEqualTo(customers);
        assertThat(store.count(CdpResources.Table.CARDS)).isEqualTo(cards);
        assertThat(sorted(store.allTransactions())).isEqualTo(before);
    }

    private static TabFormerLoader.Summary load(AwsClients clients, CdpResources names, Path dir) {
        try (RejectReport rejects = new RejectReport(dir.resolve("rejects.jsonl"));
                DynamoDbLoadSink sink = new DynamoDbLoadSink(clients.dynamoDb(), names, 2)) {
            return new TabFormerLoader(sink, rejects, new PrintStream(PrintStream.nullOutputStream()))
                    .load(TabFormerLoader.Files3.find(dir.resolve("data")));
        }
    }

    private static List<Transaction> sorted(List<Transaction> txs) {
        return txs.stream()
                .sorted(Comparator.comparing(Transaction::cardId).thenComparing(Transaction::txKey))
                .toList();
    }
}
