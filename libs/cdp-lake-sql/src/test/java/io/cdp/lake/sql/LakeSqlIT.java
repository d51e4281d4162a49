package io.cdp.lake.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.events.payload.Channel;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.pii.Token;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.lake.LakeLayout;
import io.cdp.lake.RawTransactions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The named queries against the emulator's S3 and DynamoDB, on data generated here and counted by hand. */
@AwsEmulatorTest
class LakeSqlIT {

    /** MCCs with the group the card schemes' ranges put them in, written out rather than computed. */
    private static final Map<Integer, String> MCC_GROUPS = Map.of(
            5411, "retail outlets",
            5812, "miscellaneous stores",
            4121, "transportation",
            3000, "travel (airline, car, hotel)",
            6011, "miscellaneous stores");

    private final AwsClients clients;
    private final CdpResources names;

    LakeSqlIT(AwsClients clients, CdpResources names) {
        this.clients = clients;
        this.names = names;
    }

    @Test
    void fraudByDayMatchesAHandCountOverGeneratedHistory() {
        Random random = new Random(42);
        List<Integer> mccs = List.copyOf(MCC_GROUPS.keySet());
        Instant start = Instant.parse("2019-01-29T00:00:00Z"); // spans a month boundary: two partitions
        Map<String, List<TransactionRecordedV1>> byPartition = new TreeMap<>();
        Map<String, int[]> hand = new TreeMap<>(); // "day|group" -> {transactions, fraud}
        for (int i = 0; i < 600; i++) {
            Instant time = start.plus(random.nextInt(6 * 24 * 60), ChronoUnit.MINUTES);
            int mcc = mccs.get(random.nextInt(mccs.size()));
            boolean fraud = random.nextInt(10) == 0;
            byPartition
                    .computeIfAbsent(LakeLayout.rawTransactionsPartition(time), k -> new ArrayList<>())
                    .add(transaction("t-" + i, time, mcc, fraud));
            int[] counts = hand.computeIfAbsent(
                    LocalDate.ofInstant(time, ZoneOffset.UTC) + "|" + MCC_GROUPS.get(mcc), k -> new int[2]);
            counts[0]++;
            counts[1] += fraud ? 1 : 0;
        }
        assertThat(byPartition).hasSize(2);
        String bucket = names.bucket(Bucket.LAKE);
        byPartition.forEach((partition, rows) -> clients.s3()
                .putObject(
                        b -> b.bucket(bucket).key(partition + "extraction-1.parquet"),
                        RequestBody.fromBytes(RawTransactions.toParquet(rows))));

        try (LakeSql sql = LakeSql.open(clients.s3(), clients.dynamoDb(), names)) {
            QueryResult result = sql.named("fraud-by-day");

            assertThat(result.columns()).containsExactly("day", "mcc_group", "transactions", "fraud", "fraud_rate");
            Map<String, int[]> fromSql = new TreeMap<>();
            for (int r = 0; r < result.rows().size(); r++) {
                fromSql.put(result.get(r, "day") + "|" + result.get(r, "mcc_group"), new int[] {
                    ((Number) result.get(r, "transactions")).intValue(), ((Number) result.get(r, "fraud")).intValue()
                });
            }
            assertThat(fromSql).usingRecursiveComparison().isEqualTo(hand);
            assertThat(hand.values().stream().mapToInt(c -> c[1]).sum()).isPositive();
            // the Glue partition columns are strings, month with its leading zero
            assertThat(sql.query("SELECT DISTINCT month FROM raw_transactions ORDER BY 1")
                            .rows())
                    .containsExactly(List.of("01"), List.of("02"));
            // the scored table exists with its Glue columns even before the transformer wrote anything
            assertThat(sql.query("SELECT count(*) AS n FROM scored_transactions")
                            .get(0, "n"))
                    .isEqualTo(0L);
        }
    }

    @Test
    void alertOutcomesAndSegmentsCountTheOperationalTables() {
        String alerts = names.table(Table.ALERTS);
        putAlert(alerts, "a-1", "SENT", false, "2019-02-01T10:00:00Z");
        putAlert(alerts, "a-2", "CONFIRMED", true, "2019-02-01T10:00:00Z");
        putAlert(alerts, "a-3", "CONFIRMED", false, "2019-02-02T10:00:00Z");
        putAlert(alerts, "a-4", "DENIED", false, "2019-02-01T10:00:00Z");
        // a pointer item of the same table, which is no alert
        clients.dynamoDb()
                .putItem(b -> b.tableName(alerts)
                        .item(Map.of(
                                "transactionId",
                                AttributeValue.fromS("ref#alert#x"),
                                "target",
                                AttributeValue.fromS("a-1"))));
        String profiles = names.table(Table.PROFILES);
        putProfile(profiles, "c-1", "SAVERS", "100.5", "0.2");
        putProfile(profiles, "c-2", "SAVERS", "50.5", "0.5");
        putProfile(profiles, "c-3", "TRAVELLERS", "300");

        try (LakeSql sql = LakeSql.open(clients.s3(), clients.dynamoDb(), names)) {
            QueryResult outcomes = sql.named("alert-outcomes");
            Map<Object, Object> byState = new HashMap<>();
            for (int r = 0; r < outcomes.rows().size(); r++) {
                byState.put(outcomes.get(r, "state"), ((Number) outcomes.get(r, "alerts")).intValue());
            }
            assertThat(byState).containsExactlyInAnyOrderEntriesOf(Map.of("CONFIRMED", 2, "SENT", 1, "DENIED", 1));
            assertThat(outcomes.get(0, "fallback")).isEqualTo(1L);

            // the newest SMS per state, as composed (the e-mail beside it is not the example)
            QueryResult examples = sql.named("alert-examples");
            Map<Object, Object> exampleByState = new HashMap<>();
            for (int r = 0; r < examples.rows().size(); r++) {
                exampleByState.put(examples.get(r, "state"), examples.get(r, "example_sms"));
            }
            assertThat(exampleByState)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "CONFIRMED", "Hi {{FIRST_NAME}}, sms a-3",
                            "SENT", "Hi {{FIRST_NAME}}, sms a-1",
                            "DENIED", "Hi {{FIRST_NAME}}, sms a-4"));

            QueryResult clv = sql.named("clv-by-segment");
            assertThat(clv.get(0, "segment")).isEqualTo("TRAVELLERS");
            assertThat(((Number) clv.get(1, "total_clv")).doubleValue()).isEqualTo(151.0);
            assertThat(sql.named("segment-sizes").get(0, "customers")).isEqualTo(2L);
            QueryResult map = sql.named("segment-map");
            assertThat(map.columns()).containsExactly("segment", "customers", "mean_risk", "mean_clv");
            assertThat(map.get(0, "segment")).isEqualTo("SAVERS");
            assertThat(((Number) map.get(0, "mean_risk")).doubleValue()).isEqualTo(0.35);
            assertThat(((Number) map.get(0, "mean_clv")).doubleValue()).isEqualTo(75.5);
            assertThat(map.get(1, "mean_risk"))
                    .as("TRAVELLERS have no risk yet")
                    .isNull();
            // every named query parses and runs, also over tables that are still empty
            NamedQueries.ALL.forEach(q -> sql.named(q.name()));
        }
    }

    @Test
    void aNamespaceWithoutALakeAndABadQueryAreClearErrors() {
        CdpResources nowhere = CdpResources.forTest("no-such-namespace-" + System.nanoTime());
        assertThatThrownBy(() -> LakeSql.open(clients.s3(), clients.dynamoDb(), nowhere))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no lake bucket");
        try (LakeSql sql = LakeSql.open(clients.s3(), clients.dynamoDb(), names)) {
            assertThatThrownBy(() -> sql.query("SELEC 1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("syntax error");
            assertThatThrownBy(() -> sql.named("no-such-query")).hasMessageContaining("fraud-by-day");
        }
    }

    private void putAlert(String table, String id, String state, boolean fallback, String updatedAt) {
        Map<String, AttributeValue> email = Map.of(
                "channel",
                AttributeValue.fromS("EMAIL"),
                "text",
                AttributeValue.fromS("Dear {{FIRST_NAME}}, email " + id));
        Map<String, AttributeValue> sms = new HashMap<>(Map.of(
                "channel", AttributeValue.fromS("SMS"), "text", AttributeValue.fromS("Hi {{FIRST_NAME}}, sms " + id)));
        if (fallback) {
            sms.put("fallbackReason", AttributeValue.fromS("timeout"));
        }
        clients.dynamoDb()
                .putItem(b -> b.tableName(table)
                        .item(Map.of(
                                "transactionId", AttributeValue.fromS(id),
                                "deliveryState", AttributeValue.fromS(state),
                                "deliveryUpdatedAt", AttributeValue.fromS(updatedAt),
                                "deliveryCompositions",
                                        AttributeValue.fromL(
                                                List.of(AttributeValue.fromM(email), AttributeValue.fromM(sms))))));
    }

    private void putProfile(String table, String customer, String segment, String clv) {
        putProfile(table, customer, segment, clv, null);
    }

    private void putProfile(String table, String customer, String segment, String clv, String risk) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                "customerToken", AttributeValue.fromS(customer),
                "sk", AttributeValue.fromS("A#PROFILE"),
                "seg", AttributeValue.fromS(segment),
                "clv", AttributeValue.fromN(clv)));
        if (risk != null) {
            item.put("risk", AttributeValue.fromN(risk));
        }
        clients.dynamoDb().putItem(b -> b.tableName(table).item(item));
        clients.dynamoDb()
                .putItem(b -> b.tableName(table)
                        .item(Map.of(
                                "customerToken", AttributeValue.fromS(customer),
                                "sk", AttributeValue.fromS("D#2019-01-01"),
                                "doc", AttributeValue.fromS("{}"))));
    }

    private static TransactionRecordedV1 transaction(String id, Instant time, int mcc, boolean fraud) {
        return new TransactionRecordedV1(
                id,
                new Token("crd_v1_AAAAAAAAAAAAAAAAAAAAAALi4uLi4uLi4uLi4uLi4uL"),
                new Token("cus_v1_BBBBBBBBBBBBBBBBBBBBBBLi4uLi4uLi4uLi4uLi4uL"),
                time,
                new BigDecimal("12.34"),
                "USD",
                "m-1",
                null,
                null,
                null,
                mcc,
                Channel.values()[0],
                List.of(),
                fraud);
    }
}
