package io.cdp.core.loading;

import io.cdp.core.store.BatchWriter;
import io.cdp.core.store.CoreItems;
import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.core.tabformer.Transaction;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Table;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Loads into the core tables in BatchWriteItem batches of 25 per table. */
public final class DynamoDbLoadSink implements LoadSink {

    private final BatchWriter writer;
    private final CdpResources names;
    private final Map<Table, List<Map<String, AttributeValue>>> pending = new EnumMap<>(Table.class);

    public DynamoDbLoadSink(DynamoDbClient dynamoDb, CdpResources names, int parallelism) {
        this.writer = new BatchWriter(dynamoDb, parallelism);
        this.names = names;
    }

    @Override
    public void customer(Customer customer) {
        add(Table.CUSTOMERS, CoreItems.customer(customer));
    }

    @Override
    public void card(Card card) {
        add(Table.CARDS, CoreItems.card(card));
    }

    @Override
    public void transaction(Transaction transaction) {
        add(Table.TRANSACTIONS, CoreItems.transaction(transaction));
    }

    private void add(Table table, Map<String, AttributeValue> item) {
        List<Map<String, AttributeValue>> batch =
                pending.computeIfAbsent(table, t -> new ArrayList<>(BatchWriter.MAX_BATCH));
        batch.add(item);
        if (batch.size() == BatchWriter.MAX_BATCH) {
            writer.submit(names.table(table), List.copyOf(batch));
            batch.clear();
        }
    }

    @Override
    public void flush() {
        pending.forEach((table, batch) -> {
            if (!batch.isEmpty()) {
                writer.submit(names.table(table), List.copyOf(batch));
                batch.clear();
            }
        });
        writer.flush();
    }

    @Override
    public void close() {
        flush();
        writer.close();
    }
}
