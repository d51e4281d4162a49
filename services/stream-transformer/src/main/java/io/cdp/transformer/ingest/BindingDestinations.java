package io.cdp.transformer.ingest;

import io.cdp.events.resources.CdpResources.Stream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The transformer's bindings for the shared {@link io.cdp.kinesis.ingest.BindingDestinations}: destinations and
 * binder tables from {@code CdpResources}, KCL lease tables {@code <checkpoints>-kcl-<binding>} (deployed names: keep).
 */
public final class BindingDestinations extends io.cdp.kinesis.ingest.BindingDestinations {

    static final String TRANSACTIONS_IN = "transactions-in-0";
    static final String PROFILES_IN = "profiles-in-0";
    static final String FEEDBACK_IN = "feedback-in-0";

    public BindingDestinations() {
        super("cdpResourceNames", "-kcl-", bindings());
    }

    private static Map<String, Stream> bindings() {
        Map<String, Stream> bindings = new LinkedHashMap<>();
        bindings.put(TRANSACTIONS_IN, Stream.CORE_TRANSACTIONS);
        bindings.put(PROFILES_IN, Stream.CORE_CUSTOMERS);
        bindings.put(FEEDBACK_IN, Stream.FEEDBACK);
        return bindings;
    }
}
