package io.cdp.cli.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.c360.profile.DayAggregate;
import io.cdp.c360.profile.Profile;
import io.cdp.c360.store.DynamoProfileStore;
import io.cdp.c360.store.ProfileStore;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.Channel;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.pii.Token;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.lake.LakeLayout;
import io.cdp.lake.RawTransactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The go-live backfill against the emulator: raw history in the lake becomes profiles whose windows equal a count over
 * the same transactions as of each customer's last purchase, first seen on the first purchase; a day the stream
 * already wrote is kept; a second run changes nothing.
 */
@AwsEmulatorTest
class ProfilesBackfillIT {

    @Test
    void lakeHistoryBecomesProfilesOnceWithoutTouchingStreamedDays(AwsClients clients, CdpResources names)
            throws Exception {
        Random random = new Random(5);
        Instant start = Instant.parse("2025-10-01T00:00:00Z");
        List<TransactionRecordedV1> history = new ArrayList<>();
        List<String> customers = List.of(token("cus", 'A'), token("cus", 'B'), token("cus", 'C'));
        for (String customer : customers) {
            for (int i = 0; i < 60; i++) {
                Instant at = start.plus(Duration.ofMinutes(random.nextInt(400 * 24 * 60)));
                history.add(new TransactionRecordedV1(
                        "tx-" + customer.charAt(8) + "-" + i,
                        Token.of(token("crd", customer.charAt(8))),
                        Token.of(customer),
                        at,
                        BigDecimal.valueOf(100 + random.nextInt(20_000), 2),
                        "USD",
                        "m-" + i,
                        "Springfield",
                        i % 10 == 0 ? "Italy" : "IL",
                        "62701",
                        5411,
                        Channel.values()[random.nextInt(Channel.values().length)],
                        List.of(),
                        false));
            }
        }
        clients.s3()
                .putObject(
                        b -> b.bucket(names.bucket(Bucket.LAKE))
                                .key(LakeLayout.rawTransactionsPartition(start) + "it.parquet"),
                        RequestBody.fromBytes(RawTransactions.toParquet(history)));
        DynamoProfileStore store = new DynamoProfileStore(
                clients.dynamoDb(),
                names.table(Table.PROFILES),
                Duration.ofDays(8),
                Clock.systemUTC(),
                new EventCodec().mapper());
        // the stream got to customer A's last day first: that day's aggregate must survive the backfill
        String a = customers.getFirst();
        LocalDate lastOfA = history.stream()
                .filter(t -> t.customerToken().value().equals(a))
                .map(t -> day(t.transactionTime()))
                .max(LocalDate::compareTo)
                .orElseThrow();
        DayAggregate streamed = new DayAggregate(lastOfA, 99, new BigDecimal("1.00"), Map.of(), Map.of(), 0, 0.5, 0);
        assertThat(store.seedDays(a, List.of(streamed))).isEqualTo(1);

        ProfilesBackfillCommand.Result first = ProfilesBackfillCommand.backfill(clients, names, Clock.systemUTC());

        assertThat(first.transactions()).isEqualTo(history.size());
        assertThat(first.customers()).isEqualTo(3);
        assertThat(first.profiles()).isEqualTo(Map.of(ProfileStore.Outcome.APPLIED, 3));
        for (String customer : customers) {
            List<TransactionRecordedV1> mine = history.stream()
                    .filter(t -> t.customerToken().value().equals(customer))
                    .toList();
            LocalDate asOf = mine.stream()
                    .map(t -> day(t.transactionTime()))
                    .max(LocalDate::compareTo)
                    .orElseThrow();
            Profile profile = store.find(customer).orElseThrow().profile();
            assertThat(profile.asOf()).isEqualTo(asOf);
            assertThat(profile.firstSeen())
                    .isEqualTo(mine.stream()
                            .map(t -> day(t.transactionTime()))
                            .min(LocalDate::compareTo)
                            .orElseThrow());
            assertThat(profile.version()).isEqualTo(1);
            for (int days : new int[] {30, 90, 365}) {
                LocalDate from = asOf.minusDays(days - 1L);
                List<TransactionRecordedV1> in = mine.stream()
                        .filter(t -> !day(t.transactionTime()).isBefore(from))
                        .filter(t ->
                                !customer.equals(a) || !day(t.transactionTime()).equals(lastOfA))
                        .toList();
                long count = in.size() + (customer.equals(a) ? 99 : 0);
                BigDecimal sum = in.stream()
                        .map(TransactionRecordedV1::amount)
                        .reduce(customer.equals(a) ? new BigDecimal("1.00") : BigDecimal.ZERO, BigDecimal::add);
                var window = days == 30
                        ? profile.windows().last30()
                        : days == 90
                                ? profile.windows().last90()
                                : profile.windows().last365();
                assertThat(window.count()).as("count %d of %s", days, customer).isEqualTo(count);
                assertThat(window.sum()).as("sum %d of %s", days, customer).isEqualByComparingTo(sum);
            }
        }
        assertThat(store.days(a).stream()
                        .filter(d -> d.day().equals(lastOfA))
                        .findFirst()
                        .orElseThrow())
                .isEqualTo(streamed);

        ProfilesBackfillCommand.Result again = ProfilesBackfillCommand.backfill(clients, names, Clock.systemUTC());
        assertThat(again.daysWritten()).isZero();
        assertThat(again.profiles()).isEqualTo(Map.of(ProfileStore.Outcome.DUPLICATE, 3));
        assertThat(store.find(a).orElseThrow().profile().version()).isEqualTo(1);
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String token(String kind, char c) {
        return kind + "_v1_" + String.valueOf(c).repeat(Token.MAC_CHARS);
    }
}
