package io.cdp.core.store;

import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.core.tabformer.Transaction;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The core-banking system of record in DynamoDB: reads for the access patterns (a customer, a customer's
 * cards, a card's transactions by time) and full scans for extraction.
 */
public final class CoreStore {

    private static final int SCAN_SEGMENTS = 4;

    private final DynamoDbClient dynamoDb;
    private final CdpResources names;

    public CoreStore(DynamoDbClient dynamoDb, CdpResources names) {
        this.dynamoDb = dynamoDb;
        this.names = names;
    }

    public String table(Table table) {
        return names.table(table);
    }

    public DynamoDbClient client() {
        return dynamoDb;
    }

    /** A customer; empty when unknown or erased (an erased customer's record keeps no personal data to read). */
    public Optional<Customer> customer(String customerId) {
        var item = dynamoDb.getItem(b ->
                        b.tableName(table(Table.CUSTOMERS)).key(Map.of("customerId", AttributeValue.fromS(customerId))))
                .item();
        return item == null || item.isEmpty() || CoreItems.isErased(item)
                ? Optional.empty()
                : Optional.of(CoreItems.customer(item));
    }

    /**
     * Records which customer each token stands for ({@link Table#CUSTOMER_TOKENS}); idempotent (the same token always
     * maps to the same id). Extraction calls it for the tokens it hands out.
     */
    public void rememberCustomerTokens(Map<String, String> customerIdByToken) {
        List<Map<String, AttributeValue>> items = customerIdByToken.entrySet().stream()
                .map(e -> Map.of(
                        "customerToken", AttributeValue.fromS(e.getKey()),
                        "customerId", AttributeValue.fromS(e.getValue())))
                .toList();
        try (BatchWriter writer = new BatchWriter(dynamoDb, 2)) {
            for (int i = 0; i < items.size(); i += BatchWriter.MAX_BATCH) {
                writer.submit(
                        table(Table.CUSTOMER_TOKENS),
                        items.subList(i, Math.min(items.size(), i + BatchWriter.MAX_BATCH)));
            }
            writer.flush();
        }
    }

    /** The customer id a token stands for; empty for a token no extraction handed out. */
    public Optional<String> customerIdOfToken(String customerToken) {
        var item = dynamoDb.getItem(b -> b.tableName(table(Table.CUSTOMER_TOKENS))
                        .key(Map.of("customerToken", AttributeValue.fromS(customerToken))))
                .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(item.get("customerId").s());
    }

    /** Whether the customer's record is an erasure tombstone. */
    public boolean isErased(String customerId) {
        var item = dynamoDb.getItem(b -> b.tableName(table(Table.CUSTOMERS))
                        .consistentRead(true)
                        .key(Map.of("customerId", AttributeValue.fromS(customerId))))
                .item();
        return item != null && CoreItems.isErased(item);
    }

    /**
     * Removes a customer's personal data from the core zone (right to erasure): the customer's PII attributes and
     * their cards' are deleted and each item is marked {@code erasedAt}; what is left (bands, limits, flags, the
     * transactions, keyed by the internal id) no longer identifies a person without the removed attributes.
     * Idempotent. Returns the number of cards tombstoned.
     */
    public int erasePersonalData(String customerId, Instant at) {
        Map<String, AttributeValue> time = Map.of(":t", AttributeValue.fromS(at.toString()));
        dynamoDb.updateItem(b -> b.tableName(table(Table.CUSTOMERS))
                .key(Map.of("customerId", AttributeValue.fromS(customerId)))
                .updateExpression(CoreItems.CUSTOMER_ERASURE)
                .expressionAttributeNames(CoreItems.CUSTOMER_ERASURE_NAMES)
                .expressionAttributeValues(time));
        List<Map<String, AttributeValue>> cards = dynamoDb
                .queryPaginator(b -> b.tableName(table(Table.CARDS))
                        .consistentRead(true)
                        .keyConditionExpression("customerId = :c")
                        .projectionExpression("customerId, cardIndex")
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customerId))))
                .items()
                .stream()
                .toList();
        for (Map<String, AttributeValue> key : cards) {
            dynamoDb.updateItem(b -> b.tableName(table(Table.CARDS))
                    .key(key)
                    .updateExpression(CoreItems.CARD_ERASURE)
                    .expressionAttributeValues(time));
        }
        return cards.size();
    }

    /** A customer's cards (none once the customer was erased): one Query on the cards table's partition. */
    public List<Card> cardsOf(String customerId) {
        return dynamoDb
                .queryPaginator(b -> b.tableName(table(Table.CARDS))
                        .keyConditionExpression("customerId = :c")
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customerId))))
                .items()
                .stream()
                .filter(item -> !CoreItems.isErased(item))
                .map(CoreItems::card)
                .toList();
    }

    /** A card's transactions in time order, from {@code fromInclusive} ({@code yyyy-MM-ddTHH:mm}) on. */
    public List<Transaction> transactionsOf(String cardId, String fromInclusive) {
        return dynamoDb
                .queryPaginator(b -> b.tableName(table(Table.TRANSACTIONS))
                        .keyConditionExpression("cardId = :c AND txKey >= :t")
                        .expressionAttributeValues(
                                Map.of(":c", AttributeValue.fromS(cardId), ":t", AttributeValue.fromS(fromInclusive))))
                .items()
                .stream()
                .map(CoreItems::transaction)
                .toList();
    }

    /** The customers of a full scan: those with personal data, and the ids of erased ones (tombstones). */
    public record Customers(List<Customer> active, Set<String> erased) {}

    public Customers allCustomers() {
        List<Customer> active = new ArrayList<>();
        Set<String> erased = new HashSet<>();
        for (Map<String, AttributeValue> item : scan(Table.CUSTOMERS)) {
            if (CoreItems.isErased(item)) {
                erased.add(item.get("customerId").s());
            } else {
                active.add(CoreItems.customer(item));
            }
        }
        return new Customers(active, erased);
    }

    /** Every card but the tombstones of erased customers' cards. */
    public List<Card> allCards() {
        return scan(Table.CARDS).stream()
                .filter(item -> !CoreItems.isErased(item))
                .map(CoreItems::card)
                .toList();
    }

    public List<Transaction> allTransactions() {
        return scan(Table.TRANSACTIONS).stream().map(CoreItems::transaction).toList();
    }

    public long count(Table table) {
        return IntStream.range(0, SCAN_SEGMENTS)
                .parallel()
                .mapToLong(segment -> dynamoDb
                        .scanPaginator(b -> b.tableName(table(table))
                                .segment(segment)
                                .totalSegments(SCAN_SEGMENTS)
                                .select("COUNT"))
                        .stream()
                        .mapToLong(r -> r.count())
                        .sum())
                .sum();
    }

    /** Parallel scan: the segments are read concurrently, as a full-table export should be. */
    List<Map<String, AttributeValue>> scan(Table table) {
        List<List<Map<String, AttributeValue>>> parts = IntStream.range(0, SCAN_SEGMENTS)
                .parallel()
                .mapToObj(segment -> dynamoDb
                        .scanPaginator(
                                b -> b.tableName(table(table)).segment(segment).totalSegments(SCAN_SEGMENTS))
                        .items()
                        .stream()
                        .toList())
                .toList();
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return all;
    }
}
