package io.cdp.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchWriterTest {

    @Test
    @SuppressWarnings("unchecked")
    void unprocessedItemsAreSentAgainUntilAllAreWritten() {
        // two writer threads append to it: a plain ArrayList lost items now and then (a flaky test, not a lost write)
        List<String> written = java.util.Collections.synchronizedList(new ArrayList<>());
        DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
        when(dynamoDb.batchWriteItem(any(Consumer.class))).thenAnswer(inv -> {
            BatchWriteItemRequest.Builder b = BatchWriteItemRequest.builder();
            ((Consumer<BatchWriteItemRequest.Builder>) inv.getArgument(0)).accept(b);
            List<WriteRequest> requests = b.build().requestItems().get("t");
            // the table takes only the first half of each request, as a throttled table does
            int take = Math.max(1, requests.size() / 2);
            requests.subList(0, take)
                    .forEach(r -> written.add(r.putRequest().item().get("id").s()));
            List<WriteRequest> rest = requests.subList(take, requests.size());
            return BatchWriteItemResponse.builder()
                    .unprocessedItems(rest.isEmpty() ? Map.of() : Map.of("t", rest))
                    .build();
        });
        try (BatchWriter writer = new BatchWriter(dynamoDb, 2)) {
            for (int batch = 0; batch < 4; batch++) {
                List<Map<String, AttributeValue>> items = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    items.add(Map.of("id", AttributeValue.fromS(batch + "-" + i)));
                }
                writer.submit("t", items);
            }
        }
        assertThat(written).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void refusesMoreThan25ItemsPerBatch() {
        try (BatchWriter writer = new BatchWriter(mock(DynamoDbClient.class), 1)) {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (int i = 0; i < 26; i++) {
                items.add(Map.of("id", AttributeValue.fromS("x" + i)));
            }
            assertThatThrownBy(() -> writer.submit("t", items)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
