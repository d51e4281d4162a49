package io.cdp.core.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.core.loading.DynamoDbLoadSink;
import io.cdp.core.loading.LoadSink;
import io.cdp.core.loading.RejectReport;
import io.cdp.core.loading.TabFormerLoader;
import io.cdp.core.store.CoreStore;
import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.core.tabformer.Transaction;
import io.cdp.datagen.TabFormerGenerator;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.resources.CdpResources;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.crypto.DataKeyCache;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The proof that nothing leaks: generated data is loaded, extracted on both paths, and every Kinesis record
 * and every lake object is searched for the source's personal values. Long values (names, street addresses,
 * e-mails, card numbers) must not occur anywhere, not even inside another value; short ones (CVVs, birth
 * dates) must not be the value of any field, and no field may be named after them.
 */
@AwsEmulatorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractionLeakIT {

    private final List<Customer> customers = new ArrayList<>();
    private final List<Card> cards = new ArrayList<>();
    private final List<Transaction> transactions = new ArrayList<>();
    private ExtractionStatus status;

    private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
            new ch.qos.logback.core.read.ListAppender<>();

    @BeforeAll
    void generateLoadAndExtract(AwsClients clients, CdpResources names, @TempDir Path dir) throws Exception {
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        Path data = dir.resolve("data");
        new TabFormerGenerator(new TabFormerGenerator.Options(25, 21, LocalDate.of(2019, 3, 1), 20)).write(data);
        try (RejectReport rejects = new RejectReport(dir.resolve("rejects.jsonl"));
                DynamoDbLoadSink dynamo = new DynamoDbLoadSink(clients.dynamoDb(), names, 4)) {
            LoadSink both = new LoadSink() {
                public void customer(Customer c) {
                    customers.add(c);
                    dynamo.customer(c);
                }

                public void card(Card c) {
                    cards.add(c);
                    dynamo.card(c);
                }

                public void transaction(Transaction t) {
                    transactions.add(t);
                    dynamo.transaction(t);
                }

                public void flush() {
                    dynamo.flush();
                }
            };
            var summary = new TabFormerLoader(both, rejects, new PrintStream(PrintStream.nullOutputStream()))
                    .load(TabFormerLoader.Files3.find(data));
            assertThat(summary.rejected()).isZero();
        }
        PiiProtection pii = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        try (ExtractionRunner runner = ExtractionRunner.fromAws(clients, names, pii, dir.resolve("work"))) {
            status = runner.runNow(new ExtractionOptions(0.05, 0, true, true));
        }
        assertThat(status.state()).isEqualTo(ExtractionStatus.State.COMPLETED);
        root.detachAppender(logs);
    }

    @Test
    void everyRecordReachedStreamAndLake(AwsClients clients, CdpResources names, @TempDir Path tmp) throws Exception {
        List<String> txRecords =
                ExtractedData.streamRecords(clients, names.stream(CdpResources.Stream.CORE_TRANSACTIONS));
        List<String> customerRecords =
                ExtractedData.streamRecords(clients, names.stream(CdpResources.Stream.CORE_CUSTOMERS));
        assertThat(status.historyTransactions() + status.liveTransactions()).isEqualTo(transactions.size());
        assertThat(status.liveTransactions())
                .isEqualTo(transactions.size() - (long) Math.floor(transactions.size() * 0.95));
        assertThat(txRecords).hasSize((int) status.liveTransactions());
        assertThat(customerRecords).hasSize(customers.size() + cards.size());
        Map<String, List<Map<String, String>>> lake = ExtractedData.lakeObjects(clients, names, tmp);
        long lakeTx = lake.entrySet().stream()
                .filter(e -> e.getKey().startsWith("raw/transactions/year="))
                .mapToLong(e -> e.getValue().size())
                .sum();
        assertThat(lakeTx).isEqualTo(status.historyTransactions());
        assertThat(lake.keySet()).anyMatch(k -> k.startsWith("raw/_manifests/"));
        // every record is a valid envelope of the contract, and each card's records arrive in event-time order
        EventCodec codec = new EventCodec();
        Map<String, java.time.Instant> lastPerCard = new java.util.HashMap<>();
        for (String r : txRecords) {
            assertThat(codec.validate(r)).isEmpty();
            var tx = codec.decode(
                            r.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            io.cdp.events.payload.TransactionRecordedV1.class)
                    .payload();
            java.time.Instant previous = lastPerCard.put(tx.cardToken().value(), tx.transactionTime());
            if (previous != null) {
                assertThat(tx.transactionTime()).isAfterOrEqualTo(previous);
            }
        }
        assertThat(lastPerCard.size()).isGreaterThan(1);
    }

    @Test
    void noSourcePersonalValueAppearsInAnyStreamRecordOrLakeObject(
            AwsClients clients, CdpResources names, @TempDir Path tmp) throws Exception {
        Set<String> longValues = new HashSet<>();
        Set<String> shortValues = new HashSet<>();
        for (Customer c : customers) {
            longValues.add(c.name());
            longValues.add(c.address());
            longValues.add(c.email());
            shortValues.add(c.birthYear() + "-" + String.format("%02d", c.birthMonth()));
            shortValues.add(c.birthMonth() + "/" + c.birthYear());
        }
        for (Card c : cards) {
            longValues.add(c.cardNumber());
            shortValues.add(c.cvv());
            shortValues.add(String.format("%03d", Integer.parseInt(c.cvv())));
        }
        List<String> texts = new ArrayList<>();
        List<String> fieldValues = new ArrayList<>();
        Set<String> fieldNames = new HashSet<>();
        EventCodec codec = new EventCodec();
        for (CdpResources.Stream stream :
                List.of(CdpResources.Stream.CORE_TRANSACTIONS, CdpResources.Stream.CORE_CUSTOMERS)) {
            for (String record : ExtractedData.streamRecords(clients, names.stream(stream))) {
                texts.add(record);
                collectLeaves(codec.mapper().readTree(record), fieldValues, fieldNames);
            }
        }
        for (var e : ExtractedData.lakeObjects(clients, names, tmp).entrySet()) {
            for (Map<String, String> row : e.getValue()) {
                fieldNames.addAll(row.keySet());
                for (String v : row.values()) {
                    texts.add(v);
                    fieldValues.add(v);
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(customers.size() + cards.size());
        // the log lines written while loading and extracting are searched too
        assertThat(logs.list).isNotEmpty();
        logs.list.forEach(e -> texts.add(e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())));
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            for (String pii : longValues) {
                if (text.contains(pii)) {
                    found.add("a source value of " + pii.length() + " chars");
                }
            }
        }
        for (String v : fieldValues) {
            if (shortValues.contains(v)) {
                found.add("a field equal to a CVV or birth date");
            }
        }
        assertThat(found).as("personal values found outside the core zone").isEmpty();
        // a birth date may travel only encrypted, a CVV not at all
        assertThat(fieldNames)
                .noneMatch(n -> n.toLowerCase().contains("cvv"))
                .noneMatch(n -> n.toLowerCase().contains("birth") && !n.startsWith("encrypted"));
    }

    @Test
    void theCoreStoreAnswersItsAccessPatterns(AwsClients clients, CdpResources names) {
        CoreStore store = new CoreStore(clients.dynamoDb(), names);
        Card card = cards.getFirst();
        assertThat(store.cardsOf(card.customerId())).extracting(Card::cardIndex).contains(card.cardIndex());
        List<Transaction> ofCard = store.transactionsOf(card.cardId(), "0000");
        assertThat(ofCard).isNotEmpty().isSortedAccordingTo(java.util.Comparator.comparing(Transaction::txKey));
        assertThat(ofCard).hasSize((int) transactions.stream()
                .filter(t -> t.cardId().equals(card.cardId()))
                .count());
    }

    private static void collectLeaves(JsonNode node, List<String> out, Set<String> names) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                names.add(e.getKey());
                collectLeaves(e.getValue(), out, names);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectLeaves(child, out, names));
        } else if (!node.isNull()) {
            out.add(node.asString());
        }
    }
}
