package io.cdp.c360.ingest;

import io.cdp.events.resources.CdpResources.Stream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * customer-360's bindings for the shared {@link io.cdp.kinesis.ingest.BindingDestinations}: destinations and binder
 * tables from {@code CdpResources}, KCL lease tables {@code <checkpoints>-c360-kcl-<binding>} (apart from the
 * transformer's; deployed names: keep).
 */
public final class BindingDestinations extends io.cdp.kinesis.ingest.BindingDestinations {

    static final String CUSTOMERS_IN = "customers-in-0";
    static final String SCORED_IN = "scored-in-0";
    static final String FEEDBACK_IN = "feedback-in-0";

    public BindingDestinations() {
        super("c360ResourceNames", "-c360-kcl-", bindings());
    }

    private static Map<String, Stream> bindings() {
        Map<String, Stream> bindings = new LinkedHashMap<>();
        bindings.put(CUSTOMERS_IN, Stream.CORE_CUSTOMERS);
        bindings.put(SCORED_IN, Stream.SCORED_TRANSACTIONS);
        bindings.put(FEEDBACK_IN, Stream.FEEDBACK);
        return bindings;
    }
}
