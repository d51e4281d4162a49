package io.cdp.cli.profiles;

import io.cdp.aws.AwsClients;
import io.cdp.c360.models.RegistryCustomerModels;
import io.cdp.c360.profile.DayAggregate;
import io.cdp.c360.profile.Profile;
import io.cdp.c360.profile.ProfileUpdates;
import io.cdp.c360.profile.ScoredSpend;
import io.cdp.c360.store.DynamoProfileStore;
import io.cdp.c360.store.ProfileStore;
import io.cdp.cli.CliAws;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.features.tabformer.TabFormerFeatures;
import io.cdp.lake.RawTransactions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code ./cdp profiles backfill}: customer-360 at go-live. Its profiles grow from the scored stream, so on the first
 * day they would know only that day's purchases, and every customer would look new to the segment and lifetime-value
 * models, which learnt from the whole history. This reads the history core banking exported to the lake
 * ({@code raw/transactions/}), turns it into the profiles' own daily aggregates (unscored: the history was never
 * scored online, so its days carry no score and no alert) for the last 365 days before each customer's last
 * purchase, writes the days a profile does not hold yet, and recomputes each profile through the service's own
 * store and rules with the LIVE customer models, as one event of the backfill's identity (so a second run is a
 * duplicate and changes nothing). Run it before the live stream starts (the demo does, after training).
 */
@Command(
        name = "backfill",
        description = "Build customer-360's profiles from the lake's history (daily aggregates, windows, segment and"
                + " CLV from the LIVE customer models), before the live stream; idempotent")
public final class ProfilesBackfillCommand implements Callable<Integer> {

    /** What a run did. */
    public record Result(
            int transactions, int customers, int daysWritten, Map<ProfileStore.Outcome, Integer> profiles) {}

    @Override
    public Integer call() {
        Result result = backfill(CliAws.clients(), CliAws.names(), Clock.systemUTC());
        return result.transactions() == 0 ? 2 : 0;
    }

    public static Result backfill(AwsClients clients, CdpResources names, Clock clock) {
        List<TransactionRecordedV1> history = RawTransactions.readAll(clients.s3(), names.bucket(Bucket.LAKE));
        if (history.isEmpty()) {
            System.err.println("profiles backfill: the lake of namespace '" + names.namespace()
                    + "' holds no raw transactions; run './cdp extract' first");
            return new Result(0, 0, 0, Map.of());
        }
        // customer -> day -> aggregate, and each customer's last purchase (what the profile is as of)
        Map<String, Map<LocalDate, DayAggregate>> days = new LinkedHashMap<>();
        Map<String, ScoredSpend> last = new LinkedHashMap<>();
        Map<String, ScoredSpend> first = new LinkedHashMap<>();
        for (TransactionRecordedV1 tx : history) {
            ScoredSpend spend = new ScoredSpend(
                    tx.transactionTime().atZone(ZoneOffset.UTC).toLocalDate(),
                    tx.transactionTime(),
                    tx.amount(),
                    tx.mcc(),
                    tx.channel(),
                    tx.merchantState() != null && TabFormerFeatures.isForeign(tx.merchantState()),
                    0.0,
                    false);
            String customer = tx.customerToken().value();
            days.computeIfAbsent(customer, c -> new TreeMap<>())
                    .merge(spend.day(), DayAggregate.empty(spend.day()).plus(spend), (a, b) -> a.plus(spend));
            ScoredSpend before = last.get(customer);
            if (before == null || !spend.transactionTime().isBefore(before.transactionTime())) {
                last.put(customer, spend);
            }
            ScoredSpend earliest = first.get(customer);
            if (earliest == null || spend.transactionTime().isBefore(earliest.transactionTime())) {
                first.put(customer, spend);
            }
        }
        DynamoProfileStore store = new DynamoProfileStore(
                clients.dynamoDb(), names.table(Table.PROFILES), Duration.ofDays(8), clock, new EventCodec().mapper());
        RegistryCustomerModels models = new RegistryCustomerModels(
                clients.dynamoDb(), clients.s3(), names.table(Table.MODELS), Duration.ofMinutes(1), clock);
        Map<ProfileStore.Outcome, Integer> outcomes = new EnumMap<>(ProfileStore.Outcome.class);
        int written = 0;
        for (Map.Entry<String, Map<LocalDate, DayAggregate>> customer : days.entrySet()) {
            ScoredSpend latest = last.get(customer.getKey());
            LocalDate from = latest.day().minusDays(364);
            List<DayAggregate> kept = customer.getValue().values().stream()
                    .filter(d -> !d.day().isBefore(from))
                    .toList();
            written += store.seedDays(customer.getKey(), kept);
            UUID eventId =
                    UUID.nameUUIDFromBytes(("profiles-backfill:" + customer.getKey() + ":" + latest.transactionTime())
                            .getBytes(StandardCharsets.UTF_8));
            ProfileStore.Outcome outcome = store.apply(
                    customer.getKey(), eventId, new Recompute(first.get(customer.getKey()), latest, models, clock));
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.printf(
                Locale.ROOT,
                "profiles backfill: %,d transactions of %,d customers; %,d daily aggregates written; profiles %s;"
                        + " segment model %s, CLV model %s%n",
                history.size(),
                days.size(),
                written,
                outcomes,
                models.segments().map(m -> m.version()).orElse("none live"),
                models.clv().map(m -> m.version()).orElse("none live"));
        return new Result(history.size(), days.size(), written, Map.copyOf(outcomes));
    }

    /**
     * The profile recomputed from every day it holds, as of the customer's last purchase of the history; the first
     * purchase goes in first so the profile's first-seen day (the customer's tenure, which the models read) is the
     * history's, not the backfill's.
     */
    private record Recompute(ScoredSpend earliest, ScoredSpend latest, ProfileUpdates.Assigner models, Clock clock)
            implements ProfileStore.Change {
        @Override
        public boolean needsDays() {
            return true;
        }

        @Override
        public Profile apply(Profile current, Collection<DayAggregate> days) {
            Profile seen = ProfileUpdates.spent(current, days, earliest, models, clock.instant());
            return ProfileUpdates.spent(seen, days, latest, models, clock.instant());
        }
    }
}
