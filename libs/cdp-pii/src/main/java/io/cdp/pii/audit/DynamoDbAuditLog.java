package io.cdp.pii.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Audit records in the core-zone {@code audit} table. Key design for the question a data-protection
 * officer asks ("who touched this customer's data, when and why"): partition {@code pk = pii#<keyRef>},
 * sort {@code sk = <ISO instant>#<uuid>}, so one Query returns a customer's access history in time order.
 */
public final class DynamoDbAuditLog implements AuditLog {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAuditLog(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void record(AuditRecord r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("pii#" + r.keyRef()));
        item.put("sk", AttributeValue.fromS(r.at() + "#" + UUID.randomUUID()));
        item.put("principal", AttributeValue.fromS(r.principal()));
        item.put("onBehalfOf", AttributeValue.fromS(r.onBehalfOf()));
        item.put("action", AttributeValue.fromS(r.action()));
        item.put("entity", AttributeValue.fromS(r.entity()));
        item.put("recordId", AttributeValue.fromS(r.recordId()));
        item.put("field", AttributeValue.fromS(r.field()));
        item.put("purpose", AttributeValue.fromS(r.purpose()));
        item.put("outcome", AttributeValue.fromS(r.outcome()));
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    /** A customer's access history, oldest first. */
    public List<Map<String, AttributeValue>> history(String keyRef) {
        return dynamoDb
                .queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("pii#" + keyRef))))
                .items()
                .stream()
                .toList();
    }
}
