package io.cdp.alerting.record;

import io.cdp.alerting.compose.Composition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The delivery record on the stream-transformer's {@code alerts} item (keyed by transactionId). The transformer owns
 * {@code status} (its PENDING/SENT mark of the SQS hand-off); this store owns the {@code delivery*} attributes only, so
 * neither overwrites the other (docs/adr/0012). Every transition is a conditional update, which is what makes the
 * consumer idempotent on the alert id: a duplicate request finds the record claimed or final and sends nothing.
 *
 * <p>Two pointer items make the record reachable by alert id (the app's answer) and by the published SMS message id
 * (two-way SMS replies): {@code ref#alert#<alertId>} and {@code ref#msg#<messageId>}, each naming the transaction.
 */
public final class AlertStore {

    static final String STATE = "deliveryState";
    static final String ALERT_ID = "deliveryAlertId";
    static final String CUSTOMER = "deliveryCustomerToken";
    static final String LEASE = "deliveryLeaseUntil";
    static final String UPDATED = "deliveryUpdatedAt";
    static final String COMPOSITIONS = "deliveryCompositions";
    static final String MESSAGE_IDS = "deliveryMessageIds";
    static final String ANSWER_CHANNEL = "deliveryAnswerChannel";
    static final String REASON = "deliveryReason";

    public enum Claim {
        /** This caller owns the alert now and must compose and send it. */
        CLAIMED,
        /** Already sent or final: a duplicate, nothing to do. */
        DONE,
        /** Another consumer holds a live lease on it. */
        IN_PROGRESS
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration lease;
    private final Duration retention;
    private final Clock clock;

    public AlertStore(DynamoDbClient dynamo, String table, Duration lease, Duration retention, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.lease = lease;
        this.retention = retention;
        this.clock = clock;
    }

    /** Claims the alert for delivery: new, or abandoned by a consumer whose lease ran out before SENT. */
    public Claim claim(String alertId, String transactionId, String customerToken) {
        Instant now = clock.instant();
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(transactionId))
                    .updateExpression("SET #st = :req, #aid = :aid, #cus = :cus, #lease = :lease, #upd = :now,"
                            + " expiresAt = if_not_exists(expiresAt, :exp)")
                    .conditionExpression("attribute_not_exists(#st) OR (#st IN (:req, :comp) AND #lease < :nowMs)")
                    .expressionAttributeNames(
                            Map.of("#st", STATE, "#aid", ALERT_ID, "#cus", CUSTOMER, "#lease", LEASE, "#upd", UPDATED))
                    .expressionAttributeValues(Map.of(
                            ":req", s(AlertState.REQUESTED.name()),
                            ":comp", s(AlertState.COMPOSED.name()),
                            ":aid", s(alertId),
                            ":cus", s(customerToken),
                            ":lease", n(now.plus(lease).toEpochMilli()),
                            ":nowMs", n(now.toEpochMilli()),
                            ":now", s(now.toString()),
                            ":exp", n(now.plus(retention).getEpochSecond()))));
        } catch (ConditionalCheckFailedException e) {
            Optional<AlertRecord> existing = byTransaction(transactionId);
            return existing.isPresent() && existing.get().state().isFinal() ? Claim.DONE : Claim.IN_PROGRESS;
        }
        return Claim.CLAIMED;
    }

    /**
     * Gives a claim up after a failure before SENT, so the redelivered request can claim it at once instead of waiting
     * for the lease to run out. Best effort: if this fails too, the lease expiry does the same later.
     */
    public void release(String transactionId) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(transactionId))
                    .updateExpression("SET #lease = :zero")
                    .conditionExpression("#st IN (:req, :comp)")
                    .expressionAttributeNames(Map.of("#lease", LEASE, "#st", STATE))
                    .expressionAttributeValues(Map.of(
                            ":zero", n(0),
                            ":req", s(AlertState.REQUESTED.name()),
                            ":comp", s(AlertState.COMPOSED.name()))));
        } catch (RuntimeException ignored) {
            // the lease runs out on its own
        }
    }

    public void composed(String transactionId, List<Composition> compositions) {
        List<AttributeValue> list = compositions.stream()
                .map(c -> {
                    Map<String, AttributeValue> m = new HashMap<>();
                    m.put("channel", s(c.channel().name()));
                    m.put("composer", s(c.composer()));
                    if (c.modelId() != null) m.put("modelId", s(c.modelId()));
                    m.put("tokensIn", n(c.tokensIn()));
                    m.put("tokensOut", n(c.tokensOut()));
                    m.put("latencyMs", n(c.latencyMillis()));
                    if (c.fallbackReason() != null) m.put("fallbackReason", s(c.fallbackReason()));
                    // the text as composed and validated: placeholders where this service later fills the first
                    // name and the card's last four, so it holds no personal data (the console shows examples)
                    m.put("text", s(c.body()));
                    return AttributeValue.fromM(m);
                })
                .toList();
        transition(
                transactionId,
                AlertState.REQUESTED,
                AlertState.COMPOSED,
                Map.of(COMPOSITIONS, AttributeValue.fromL(list)));
    }

    /** SENT with the provider's message ids per channel; the SMS id becomes the reply correlation pointer. */
    public void sent(String alertId, String transactionId, Map<String, String> messageIds) {
        Instant now = clock.instant();
        // the pointers in one request: the alert id (the app's answer) and each message id (SMS replies)
        List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> writes = new java.util.ArrayList<>();
        writes.add(pointerWrite("ref#alert#" + alertId, transactionId, now));
        for (Map.Entry<String, String> e : messageIds.entrySet()) {
            writes.add(pointerWrite("ref#msg#" + e.getValue(), transactionId, now));
        }
        Map<String, List<software.amazon.awssdk.services.dynamodb.model.WriteRequest>> pending = Map.of(table, writes);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == 5) {
                throw new IllegalStateException("alert pointers not written after 5 attempts");
            }
            var request = Map.copyOf(pending);
            var unprocessed =
                    dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            pending = unprocessed == null ? Map.of() : unprocessed;
        }
        Map<String, AttributeValue> ids = new HashMap<>();
        messageIds.forEach((k, v) -> ids.put(k, s(v)));
        transition(transactionId, AlertState.COMPOSED, AlertState.SENT, Map.of(MESSAGE_IDS, AttributeValue.fromM(ids)));
    }

    /** Nothing can be sent (no consent, no contact, erased): final, with the reason. */
    public void expired(String alertId, String transactionId, String reason) {
        pointer("ref#alert#" + alertId, transactionId, clock.instant());
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(transactionId))
                .updateExpression("SET #st = :to, #reason = :reason, #upd = :now")
                .conditionExpression("#st IN (:req, :comp)")
                .expressionAttributeNames(Map.of("#st", STATE, "#reason", REASON, "#upd", UPDATED))
                .expressionAttributeValues(Map.of(
                        ":to", s(AlertState.EXPIRED.name()),
                        ":req", s(AlertState.REQUESTED.name()),
                        ":comp", s(AlertState.COMPOSED.name()),
                        ":reason", s(reason),
                        ":now", s(clock.instant().toString()))));
    }

    /**
     * Records the customer's answer: SENT becomes CONFIRMED or DENIED. The same answer again is accepted (a
     * redelivered reply); a different one after the first is refused.
     *
     * @return the state after the call
     */
    public AnswerOutcome answer(String transactionId, AlertState to, String channel) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(transactionId))
                    .updateExpression("SET #st = :to, #ach = :channel, #upd = :now")
                    .conditionExpression("#st = :sent")
                    .expressionAttributeNames(Map.of("#st", STATE, "#ach", ANSWER_CHANNEL, "#upd", UPDATED))
                    .expressionAttributeValues(Map.of(
                            ":to", s(to.name()),
                            ":sent", s(AlertState.SENT.name()),
                            ":channel", s(channel),
                            ":now", s(clock.instant().toString()))));
            return AnswerOutcome.RECORDED;
        } catch (ConditionalCheckFailedException e) {
            AlertState now =
                    byTransaction(transactionId).map(AlertRecord::state).orElse(null);
            return now == to ? AnswerOutcome.ALREADY_RECORDED : AnswerOutcome.CONFLICT;
        }
    }

    public enum AnswerOutcome {
        RECORDED,
        ALREADY_RECORDED,
        CONFLICT
    }

    public Optional<AlertRecord> byAlertId(String alertId) {
        return resolve("ref#alert#" + alertId).flatMap(this::byTransaction);
    }

    public Optional<AlertRecord> byMessageId(String messageId) {
        return resolve("ref#msg#" + messageId).flatMap(this::byTransaction);
    }

    public Optional<AlertRecord> byTransaction(String transactionId) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(key(transactionId)).consistentRead(true))
                .item();
        if (item == null || !item.containsKey(STATE)) {
            return Optional.empty();
        }
        Map<String, String> ids = new HashMap<>();
        if (item.containsKey(MESSAGE_IDS)) {
            item.get(MESSAGE_IDS).m().forEach((k, v) -> ids.put(k, v.s()));
        }
        return Optional.of(new AlertRecord(
                item.get(ALERT_ID).s(),
                transactionId,
                item.get(CUSTOMER).s(),
                AlertState.valueOf(item.get(STATE).s()),
                Map.copyOf(ids),
                item.containsKey(ANSWER_CHANNEL) ? item.get(ANSWER_CHANNEL).s() : null));
    }

    private Optional<String> resolve(String pointerKey) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(key(pointerKey)).consistentRead(true))
                .item();
        return item == null || !item.containsKey("refTarget")
                ? Optional.empty()
                : Optional.of(item.get("refTarget").s());
    }

    private software.amazon.awssdk.services.dynamodb.model.WriteRequest pointerWrite(
            String pointerKey, String transactionId, Instant now) {
        return software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                .putRequest(r -> r.item(Map.of(
                        "transactionId", s(pointerKey),
                        "refTarget", s(transactionId),
                        "expiresAt", n(now.plus(retention).getEpochSecond()))))
                .build();
    }

    private void pointer(String pointerKey, String transactionId, Instant now) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "transactionId", s(pointerKey),
                        "refTarget", s(transactionId),
                        "expiresAt", n(now.plus(retention).getEpochSecond()))));
    }

    private void transition(String transactionId, AlertState from, AlertState to, Map<String, AttributeValue> extra) {
        Map<String, String> names = new HashMap<>(Map.of("#st", STATE, "#upd", UPDATED));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":to",
                s(to.name()),
                ":from",
                s(from.name()),
                ":now",
                s(clock.instant().toString())));
        StringBuilder update = new StringBuilder("SET #st = :to, #upd = :now");
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : extra.entrySet()) {
            names.put("#x" + i, e.getKey());
            values.put(":x" + i, e.getValue());
            update.append(", #x").append(i).append(" = :x").append(i);
            i++;
        }
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(transactionId))
                .updateExpression(update.toString())
                .conditionExpression("#st = :from")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    private static Map<String, AttributeValue> key(String transactionId) {
        return Map.of("transactionId", s(transactionId));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
