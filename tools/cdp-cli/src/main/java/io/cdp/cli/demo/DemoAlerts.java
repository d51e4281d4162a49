package io.cdp.cli.demo;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The alert records of a namespace as the demo reads them: the stream transformer's {@code alerts} items with the
 * alerting service's {@code delivery*} attributes (docs/adr/0014); the pointer items ({@code ref#...}) are skipped.
 */
final class DemoAlerts {

    private DemoAlerts() {}

    static List<Map<String, AttributeValue>> scan(AwsClients clients, CdpResources names) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        clients.dynamoDb()
                .scanPaginator(b -> b.tableName(names.table(CdpResources.Table.ALERTS)))
                .items()
                .forEach(item -> {
                    String id = text(item, "transactionId");
                    if (id != null && !id.startsWith("ref#")) {
                        out.add(item);
                    }
                });
        return out;
    }

    static @Nullable String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s() != null ? v.s() : v.n();
    }

    /** Channel name ({@code SMS}, {@code EMAIL}) to the message id SNS or SES gave the message. */
    static Map<String, String> messageIds(Map<String, AttributeValue> item) {
        Map<String, String> ids = new HashMap<>();
        AttributeValue v = item.get("deliveryMessageIds");
        if (v != null && v.hasM()) {
            v.m().forEach((k, id) -> ids.put(k, id.s()));
        }
        return ids;
    }

    /** The compositions recorded for the alert (one per channel): composer, model, fallback reason, tokens. */
    static List<Map<String, AttributeValue>> compositions(Map<String, AttributeValue> item) {
        AttributeValue v = item.get("deliveryCompositions");
        if (v == null || !v.hasL()) {
            return List.of();
        }
        return v.l().stream()
                .filter(AttributeValue::hasM)
                .map(AttributeValue::m)
                .toList();
    }
}
