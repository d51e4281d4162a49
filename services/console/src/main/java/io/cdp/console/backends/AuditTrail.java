package io.cdp.console.backends;

import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Table;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What core-banking's audit recorded about a customer's personal data (libs/cdp-pii {@code DynamoDbAuditLog}: one item
 * per decrypt or erase, whatever the outcome), newest first. Read-only; the record id of an unmask through
 * customer-360 is the customer token. The audit holds who, when, which field, why and the outcome, never a value.
 */
@Component
public class AuditTrail {

    public record Entry(
            String at,
            String principal,
            String onBehalfOf,
            String action,
            String field,
            String purpose,
            String outcome) {}

    private final DynamoDbClient dynamo;
    private final String table;

    public AuditTrail(DynamoDbClient dynamo, CdpResources names) {
        this.dynamo = dynamo;
        this.table = names.table(Table.AUDIT);
    }

    public List<Entry> forRecord(String recordId, int limit) {
        // the audit is keyed by the customer's data-key reference, which the CDP zone does not know: a filtered scan
        // (the audit table of a demo is small; in production the bank's SIEM answers this)
        return dynamo
                .scanPaginator(b -> b.tableName(table)
                        .filterExpression("recordId = :r")
                        .expressionAttributeValues(Map.of(":r", AttributeValue.fromS(recordId))))
                .items()
                .stream()
                .map(i -> new Entry(
                        s(i, "sk").split("#", 2)[0],
                        s(i, "principal"),
                        s(i, "onBehalfOf"),
                        s(i, "action"),
                        s(i, "field"),
                        s(i, "purpose"),
                        s(i, "outcome")))
                .sorted(Comparator.comparing(Entry::at).reversed())
                .limit(limit)
                .toList();
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? "" : v.s();
    }
}
