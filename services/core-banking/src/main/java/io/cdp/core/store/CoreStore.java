package io.cdp.core.store;

import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.core.tabformer.Transaction;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public Optional<Customer> customer(String customerId) {
        var item = dynamoDb.getItem(b ->
                        b.tableName(table(Table.CUSTOMERS)).key(Map.of("customerId", AttributeValue.fromS(customerId))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CoreItems.customer(item));
    }

    /** A customer's cards: one Query on the cards table's partition. */
    public List<Card> cardsOf(String customerId) {
        return dynamoDb
                .queryPaginator(b -> b.tableName(table(Table.CARDS))
                        .keyConditionExpression("customerId = :c")
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customerId))))
                .items()
                .stream()
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

    public List<Customer> allCustomers() {
        return scan(Table.CUSTOMERS).stream().map(CoreItems::customer).toList();
    }

    public List<Card> allCards() {
        return scan(Table.CARDS).stream().map(CoreItems::card).toList();
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
