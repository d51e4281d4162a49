package io.cdp.scoringapi.model;

import io.cdp.scoring.artifact.Thresholds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Reads the models registry and records promotions in it. */
public final class ModelRegistry {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String modelName;

    public ModelRegistry(DynamoDbClient dynamoDb, String table, String modelName) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.modelName = modelName;
    }

    public String modelName() {
        return modelName;
    }

    /** Every version of the model, newest first. */
    public List<ModelEntry> list() {
        @Nullable Map<String, AttributeValue> startKey = null;
        List<ModelEntry> entries = new java.util.ArrayList<>();
        do {
            var response = dynamoDb.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("modelName = :n")
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromS(modelName)))
                    .exclusiveStartKey(startKey).build());
            response.items().forEach(item -> entries.add(entry(item)));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        entries.sort(Comparator.comparing(ModelEntry::createdAt).reversed());
        return entries;
    }

    public Optional<ModelEntry> get(String version) {
        var response = dynamoDb.getItem(GetItemRequest.builder().tableName(table).consistentRead(true)
                .key(Map.of("modelName", AttributeValue.fromS(modelName), "version", AttributeValue.fromS(version)))
                .build());
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(entry(response.item())) : Optional.empty();
    }

    /** The version promoted last; a promotion in progress may briefly leave two LIVE, the later one wins. */
    public Optional<ModelEntry> live() {
        return list().stream().filter(e -> ModelEntry.STATUS_LIVE.equals(e.status()) && e.promotedAt() != null)
                .max(Comparator.comparing(ModelEntry::promotedAt));
    }

    /** Marks {@code version} live and the previously live one (if another) retired. */
    public void markLive(String version, Optional<String> previous, Instant at) {
        setStatus(version, ModelEntry.STATUS_LIVE, at);
        previous.filter(p -> !p.equals(version)).ifPresent(p -> setStatus(p, ModelEntry.STATUS_RETIRED, null));
    }

    private void setStatus(String version, String status, @Nullable Instant promotedAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":s", AttributeValue.fromS(status));
        String update = "SET #s = :s";
        if (promotedAt != null) {
            values.put(":p", AttributeValue.fromS(promotedAt.toString()));
            update += ", promotedAt = :p";
        }
        dynamoDb.updateItem(UpdateItemRequest.builder().tableName(table)
                .key(Map.of("modelName", AttributeValue.fromS(modelName), "version", AttributeValue.fromS(version)))
                .updateExpression(update).conditionExpression("attribute_exists(version)")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(values).build());
    }

    static ModelEntry entry(Map<String, AttributeValue> item) {
        Map<String, Double> metrics = new HashMap<>();
        if (item.containsKey("metrics")) {
            item.get("metrics").m().forEach((k, v) -> metrics.put(k, Double.parseDouble(v.n())));
        }
        Map<String, AttributeValue> t = item.get("thresholds").m();
        Thresholds thresholds = new Thresholds(n(t.get("review")), n(t.get("alert")), n(t.get("decline")),
                t.get("operatingPoint").s());
        return new ModelEntry(item.get("modelName").s(), item.get("version").s(), item.get("status").s(),
                item.get("artifactUri").s(), item.get("featureNames").l().stream().map(AttributeValue::s).toList(),
                LocalDate.parse(item.get("trainingFrom").s()), LocalDate.parse(item.get("trainingTo").s()), metrics,
                thresholds, Instant.parse(item.get("createdAt").s()),
                item.containsKey("promotedAt") ? Instant.parse(item.get("promotedAt").s()) : null);
    }

    private static double n(AttributeValue value) {
        return Double.parseDouble(value.n());
    }
}
