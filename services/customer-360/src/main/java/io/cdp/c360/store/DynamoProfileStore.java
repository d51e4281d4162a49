package io.cdp.c360.store;

import io.cdp.c360.profile.Card;
import io.cdp.c360.profile.DayAggregate;
import io.cdp.c360.profile.Profile;
import io.cdp.c360.profile.SealedPii;
import io.cdp.events.resources.CdpResources;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single-table layout of {@code profiles}: one partition per customer token, sort keys {@code A#PROFILE} (the
 * profile or its tombstone), {@code C#<cardToken>}, {@code D#<yyyy-MM-dd>} and {@code E#<eventId>}. Reads of a profile
 * query {@code sk < "D"} (profile and cards, one request).
 *
 * <p>Exactly once in effect: an event's changes are one {@code TransactWriteItems} with a put of its {@code E#} item
 * conditional on its absence and a put of the profile conditional on the version read. A replay or a producer
 * duplicate fails the first condition and changes nothing; two consumers changing the same customer (scored events
 * are keyed by card, so one customer's events arrive on several shards) fail the second, and the loser reads again
 * and retries. Event items expire after the retention (DynamoDB TTL): the horizon within which a duplicate is
 * recognised. Every day and card write rides in the same transaction as the profile's version check, so they are
 * serialised with it.
 */
public final class DynamoProfileStore implements ProfileStore {

    static final CdpResources.Index BY_SEGMENT = CdpResources.Index.PROFILES_BY_SEGMENT;
    static final String PROFILE = "A#PROFILE";
    static final String CARD = "C#";
    static final String DAY = "D#";
    static final String EVENT = "E#";
    private static final int CONFLICT_ATTEMPTS = 20;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration eventRetention;
    private final Clock clock;
    private final JsonMapper json;

    public DynamoProfileStore(
            DynamoDbClient dynamoDb, String table, Duration eventRetention, Clock clock, JsonMapper json) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.eventRetention = eventRetention;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public Optional<Stored> find(String customerToken) {
        List<Map<String, AttributeValue>> items = query(customerToken, "sk < :d", Map.of(":d", s("D")));
        Map<String, AttributeValue> profile = null;
        List<Card> cards = new ArrayList<>();
        for (var item : items) {
            String sk = item.get("sk").s();
            if (sk.equals(PROFILE)) {
                profile = item;
            } else if (sk.startsWith(CARD)) {
                cards.add(json.readValue(item.get("doc").s(), Card.class));
            }
        }
        if (profile == null) {
            return Optional.empty();
        }
        if (profile.containsKey("erasedAt")) {
            return Optional.of(new Stored(
                    null, List.of(), Instant.parse(profile.get("erasedAt").s())));
        }
        return Optional.of(new Stored(profileOf(profile), List.copyOf(cards), null));
    }

    /** One strongly consistent {@code GetItem} of the profile item's version: a few bytes, instead of the query. */
    @Override
    public OptionalLong version(String customerToken) {
        var response = dynamoDb.getItem(b -> b.tableName(table)
                .key(key(customerToken, PROFILE))
                .consistentRead(true)
                .projectionExpression(VERSION_PROJECTION)
                .expressionAttributeNames(VERSION_NAMES));
        return response.hasItem() ? versionOf(response.item()) : OptionalLong.empty();
    }

    /**
     * One strongly consistent {@code BatchGetItem} of the profile items' versions; keys DynamoDB leaves unprocessed are
     * asked again a few times, and those still unread are left out of the answer.
     */
    @Override
    public Map<String, OptionalLong> versions(List<String> customerTokens) {
        if (customerTokens.size() > MAX_VERSIONS_PER_READ) {
            throw new IllegalArgumentException(
                    "at most " + MAX_VERSIONS_PER_READ + " versions per read, asked " + customerTokens.size());
        }
        Map<String, OptionalLong> out = HashMap.newHashMap(customerTokens.size());
        List<Map<String, AttributeValue>> keys = new ArrayList<>(customerTokens.size());
        for (String token : customerTokens) {
            out.put(token, OptionalLong.empty()); // no item: no profile
            keys.add(key(token, PROFILE));
        }
        for (int round = 0; round < 3 && !keys.isEmpty(); round++) {
            KeysAndAttributes ask = KeysAndAttributes.builder()
                    .keys(keys)
                    .consistentRead(true)
                    .projectionExpression("customerToken, " + VERSION_PROJECTION)
                    .expressionAttributeNames(VERSION_NAMES)
                    .build();
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(Map.of(table, ask)));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                out.put(item.get("customerToken").s(), versionOf(item));
            }
            KeysAndAttributes left = response.unprocessedKeys().get(table);
            keys = left == null ? List.of() : left.keys();
        }
        for (Map<String, AttributeValue> key : keys) {
            out.remove(key.get("customerToken").s()); // not read: the caller loads it whole
        }
        return out;
    }

    private static final String VERSION_PROJECTION = "#v, erasedAt";
    private static final Map<String, String> VERSION_NAMES = Map.of("#v", "version");

    private static OptionalLong versionOf(Map<String, AttributeValue> item) {
        if (item.isEmpty() || item.containsKey("erasedAt") || !item.containsKey("version")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(item.get("version").n()));
    }

    @Override
    public Outcome apply(String customerToken, UUID eventId, Change change) {
        Map<String, AttributeValue> eventKey = key(customerToken, EVENT + eventId);
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> item = get(key(customerToken, PROFILE));
            if (item != null && item.containsKey("erasedAt")) {
                return Outcome.ERASED;
            }
            if (get(eventKey) != null) {
                return Outcome.DUPLICATE;
            }
            Instant now = clock.instant();
            Profile current = item != null ? profileOf(item) : Profile.create(customerToken, now);
            List<DayAggregate> days = change.needsDays() || change.day() != null ? days(customerToken) : List.of();
            List<TransactWriteItem> writes = new ArrayList<>(4);
            Map<String, AttributeValue> marker = new HashMap<>(eventKey);
            marker.put("expiresAt", n(now.plus(eventRetention).getEpochSecond()));
            writes.add(TransactWriteItem.builder()
                    .put(Put.builder()
                            .tableName(table)
                            .item(marker)
                            .conditionExpression("attribute_not_exists(sk)")
                            .build())
                    .build());
            LocalDate day = change.day();
            if (day != null) {
                DayAggregate before = days.stream()
                        .filter(d -> d.day().equals(day))
                        .findFirst()
                        .orElse(DayAggregate.empty(day));
                DayAggregate after = change.updateDay(before);
                List<DayAggregate> updated = new ArrayList<>(days.size() + 1);
                days.stream().filter(d -> !d.day().equals(day)).forEach(updated::add);
                updated.add(after);
                days = updated;
                writes.add(put(customerToken, DAY + day, Map.of("doc", s(json.writeValueAsString(after)))));
            }
            Card card = change.card();
            if (card != null) {
                writes.add(
                        put(customerToken, CARD + card.cardToken(), Map.of("doc", s(json.writeValueAsString(card)))));
            }
            Profile next = change.apply(current, days).withVersion(current.version() + 1);
            writes.add(profilePut(next, item == null ? null : current.version()));
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(writes));
                return Outcome.APPLIED;
            } catch (TransactionCanceledException e) {
                if (attempt >= CONFLICT_ATTEMPTS) {
                    throw e;
                }
                // the event was applied meanwhile (its E# item exists) or another writer changed the profile: read
                // again; the loop answers DUPLICATE or ERASED, or applies the change to the newer profile
                backoff(attempt);
            }
        }
    }

    @Override
    public Optional<Profile> update(String customerToken, UnaryOperator<Profile> change) {
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> item = get(key(customerToken, PROFILE));
            if (item == null) {
                return Optional.empty();
            }
            if (item.containsKey("erasedAt")) {
                throw new ErasedException(customerToken);
            }
            Profile current = profileOf(item);
            Profile next = change.apply(current).withVersion(current.version() + 1);
            Put put = profilePut(next, current.version()).put();
            try {
                dynamoDb.putItem(b -> b.tableName(table)
                        .item(put.item())
                        .conditionExpression(put.conditionExpression())
                        .expressionAttributeNames(put.expressionAttributeNames())
                        .expressionAttributeValues(put.expressionAttributeValues()));
                return Optional.of(next);
            } catch (ConditionalCheckFailedException e) {
                if (attempt >= CONFLICT_ATTEMPTS) {
                    throw e;
                }
                backoff(attempt);
            }
        }
    }

    @Override
    public void erase(String customerToken, Instant erasedAt) {
        Map<String, AttributeValue> item = get(key(customerToken, PROFILE));
        long version = item != null && item.containsKey("version")
                ? Long.parseLong(item.get("version").n())
                : 0;
        if (item == null || !item.containsKey("erasedAt")) {
            // the tombstone first (version bumped, so a change in flight fails its condition and sees the tombstone),
            // then everything else the partition holds
            Map<String, AttributeValue> tombstone = new HashMap<>(key(customerToken, PROFILE));
            tombstone.put("erasedAt", s(erasedAt.toString()));
            tombstone.put("version", n(version + 1));
            dynamoDb.putItem(b -> b.tableName(table).item(tombstone));
        }
        List<Map<String, AttributeValue>> rest = query(customerToken, "sk > :a", Map.of(":a", s(PROFILE)));
        for (int from = 0; from < rest.size(); from += 25) {
            List<WriteRequest> deletes = rest.subList(from, Math.min(rest.size(), from + 25)).stream()
                    .map(i -> WriteRequest.builder()
                            .deleteRequest(
                                    d -> d.key(key(customerToken, i.get("sk").s())))
                            .build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, deletes);
            for (int attempt = 1;
                    !pending.isEmpty()
                            && !pending.getOrDefault(table, List.of()).isEmpty();
                    attempt++) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
                if (attempt > 1) {
                    backoff(attempt);
                }
            }
        }
    }

    /**
     * History before the stream: writes the daily aggregates of days the customer's partition does not hold yet (a
     * backfill from the lake at go-live, {@code ./cdp profiles backfill}) and returns how many it wrote. Days the
     * stream already wrote are left as they are, so running it twice changes nothing; it is meant to run before the
     * live stream reaches those days (a day the stream writes while this runs could be overwritten). The profile itself
     * is then recomputed through {@link #apply} with an event of the backfill's own identity.
     */
    public int seedDays(String customerToken, List<DayAggregate> history) {
        java.util.Set<LocalDate> held = new java.util.HashSet<>();
        days(customerToken).forEach(d -> held.add(d.day()));
        List<WriteRequest> puts = new ArrayList<>();
        for (DayAggregate d : history) {
            if (held.add(d.day())) {
                Map<String, AttributeValue> item = new HashMap<>(key(customerToken, DAY + d.day()));
                item.put("doc", s(json.writeValueAsString(d)));
                puts.add(WriteRequest.builder().putRequest(r -> r.item(item)).build());
            }
        }
        for (int from = 0; from < puts.size(); from += 25) {
            Map<String, List<WriteRequest>> pending =
                    Map.of(table, puts.subList(from, Math.min(puts.size(), from + 25)));
            for (int attempt = 1; !pending.getOrDefault(table, List.of()).isEmpty(); attempt++) {
                if (attempt > CONFLICT_ATTEMPTS) {
                    throw new IllegalStateException(
                            "DynamoDB left day items unprocessed " + CONFLICT_ATTEMPTS + " times");
                }
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
                if (attempt > 1) {
                    backoff(attempt);
                }
            }
        }
        return puts.size();
    }

    @Override
    public List<DayAggregate> days(String customerToken) {
        return query(customerToken, "begins_with(sk, :d)", Map.of(":d", s(DAY))).stream()
                .map(i -> json.readValue(i.get("doc").s(), DayAggregate.class))
                .toList();
    }

    /**
     * One segment's profiles come from the sparse segment index ({@link CdpResources.Index#PROFILES_BY_SEGMENT}: only
     * profile items carry {@code seg}), read in customer-token order, so a campaign paging a segment reads that
     * segment and nothing else; other filters apply to what it reads. Without a segment the listing scans profile items
     * (risk and CLV ranges have no index: they change on every purchase, and an index on them would rewrite an index
     * item each time).
     */
    @Override
    public Page list(Filter filter, int limit, @Nullable String cursor) {
        StringBuilder expression = new StringBuilder();
        Map<String, AttributeValue> values = new HashMap<>();
        String segment = filter.segment();
        if (segment == null) {
            expression.append("sk = :a AND attribute_not_exists(erasedAt)");
            values.put(":a", s(PROFILE));
        }
        if (filter.minRisk() != null) {
            and(expression).append("risk >= :rmin");
            values.put(":rmin", n(filter.minRisk()));
        }
        if (filter.maxRisk() != null) {
            and(expression).append("risk <= :rmax");
            values.put(":rmax", n(filter.maxRisk()));
        }
        if (filter.minClv() != null) {
            and(expression).append("clv >= :cmin");
            values.put(":cmin", n(filter.minClv()));
        }
        if (filter.maxClv() != null) {
            and(expression).append("clv <= :cmax");
            values.put(":cmax", n(filter.maxClv()));
        }
        Map<String, AttributeValue> start = null;
        if (cursor != null) {
            start = new HashMap<>(key(decodeCursor(cursor), PROFILE));
            if (segment != null) {
                start.put(BY_SEGMENT.partitionKey().name(), s(segment));
            }
        }
        List<Profile> found = new ArrayList<>();
        int pageSize = Math.max(100, limit * 4);
        while (true) {
            Map<String, AttributeValue> from = start;
            List<Map<String, AttributeValue>> items;
            Map<String, AttributeValue> last;
            if (segment != null) {
                Map<String, AttributeValue> queryValues = new HashMap<>(values);
                queryValues.put(":seg", s(segment));
                QueryResponse page = dynamoDb.query(b -> {
                    b.tableName(table)
                            .indexName(BY_SEGMENT.name())
                            .keyConditionExpression("seg = :seg")
                            .expressionAttributeValues(queryValues)
                            .exclusiveStartKey(from)
                            .limit(pageSize);
                    if (!expression.isEmpty()) {
                        b.filterExpression(expression.toString());
                    }
                });
                items = page.items();
                last = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : Map.of();
            } else {
                ScanResponse page = dynamoDb.scan(b -> b.tableName(table)
                        .filterExpression(expression.toString())
                        .expressionAttributeValues(values)
                        .exclusiveStartKey(from)
                        .limit(pageSize));
                items = page.items();
                last = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : Map.of();
            }
            for (var item : items) {
                found.add(profileOf(item));
                if (found.size() == limit) {
                    // resume after this very item: the rest of this page is read again from there
                    return new Page(
                            found, encodeCursor(item.get("customerToken").s()));
                }
            }
            if (last.isEmpty()) {
                return new Page(found, null);
            }
            start = last;
        }
    }

    private static StringBuilder and(StringBuilder expression) {
        return expression.isEmpty() ? expression : expression.append(" AND ");
    }

    @Override
    public Map<String, Long> segmentSizes() {
        Map<String, Long> sizes = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(b -> b.tableName(table)
                    .filterExpression("sk = :a AND attribute_not_exists(erasedAt)")
                    .projectionExpression("seg")
                    .expressionAttributeValues(Map.of(":a", s(PROFILE)))
                    .exclusiveStartKey(from));
            for (var item : page.items()) {
                String seg = item.containsKey("seg") ? item.get("seg").s() : "(none)";
                sizes.merge(seg, 1L, Long::sum);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return sizes;
    }

    // ------------------------------------------------------------------ items

    private TransactWriteItem profilePut(Profile p, @Nullable Long expectedVersion) {
        Map<String, AttributeValue> item = new HashMap<>(key(p.customerToken(), PROFILE));
        item.put("version", n(p.version()));
        // the document never holds the ciphertexts: they are attributes of their own, read only by unmask
        item.put("doc", s(json.writeValueAsString(p.withSealed(null))));
        item.put("risk", n(p.risk().highestRecentScore()));
        if (p.segment() != null) {
            item.put("seg", s(p.segment().name()));
        }
        if (p.lifetimeValue() != null) {
            item.put(
                    "clv",
                    AttributeValue.fromN(p.lifetimeValue().predictedSpend().toPlainString()));
        }
        SealedPii sealed = p.sealed();
        if (sealed != null) {
            putIfPresent(item, "encName", sealed.name());
            putIfPresent(item, "encEmail", sealed.email());
            putIfPresent(item, "encAddress", sealed.address());
        }
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (expectedVersion == null) {
            put.conditionExpression("attribute_not_exists(sk)");
        } else {
            put.conditionExpression("#v = :v AND attribute_not_exists(erasedAt)")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", n(expectedVersion)));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private Profile profileOf(Map<String, AttributeValue> item) {
        Profile p = json.readValue(item.get("doc").s(), Profile.class);
        if (item.containsKey("encName") || item.containsKey("encEmail") || item.containsKey("encAddress")) {
            p = p.withSealed(new SealedPii(str(item, "encName"), str(item, "encEmail"), str(item, "encAddress")));
        }
        return p.withVersion(Long.parseLong(item.get("version").n()));
    }

    private TransactWriteItem put(String customerToken, String sk, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new HashMap<>(key(customerToken, sk));
        item.putAll(attributes);
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item).build())
                .build();
    }

    private @Nullable Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        var response = dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    private List<Map<String, AttributeValue>> query(
            String customerToken, String skCondition, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":c", s(customerToken));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(table)
                    .keyConditionExpression("customerToken = :c AND " + skCondition)
                    .expressionAttributeValues(all)
                    .consistentRead(true)
                    .exclusiveStartKey(from));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    static Map<String, AttributeValue> key(String customerToken, String sk) {
        return Map.of("customerToken", s(customerToken), "sk", s(sk));
    }

    static String encodeCursor(String customerToken) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(customerToken.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
    }

    /** A cursor this service did not hand out. */
    public static final class InvalidCursorException extends RuntimeException {
        InvalidCursorException() {
            super("not a cursor of this listing");
        }
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, @Nullable String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static @Nullable String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    private static AttributeValue n(double v) {
        return AttributeValue.fromN(Double.toString(v));
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(Math.min(200, 5L * attempt * attempt) + (long) (Math.random() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
