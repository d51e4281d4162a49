package io.cdp.scoringapi.features;

import io.cdp.features.online.MccRiskTableStore;
import io.cdp.features.online.MccRiskTables;
import io.cdp.features.tabformer.TabFormerContext;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the online features read besides the card's state: the MCC risk tables published beside the models
 * ({@code labels/mcc/}), the same tables the stream transformer scores with, so both compute the same
 * {@code mcc_risk}. Reloaded with the model; a failed reload keeps the tables in use.
 */
public final class OnlineContext {

    private static final Logger log = LoggerFactory.getLogger(OnlineContext.class);

    private final S3Client s3;
    private final String modelsBucket;
    private final AtomicReference<TabFormerContext> current =
            new AtomicReference<>(MccRiskTables.none().context());

    public OnlineContext(S3Client s3, String modelsBucket) {
        this.s3 = s3;
        this.modelsBucket = modelsBucket;
    }

    public TabFormerContext current() {
        return current.get();
    }

    public void refresh() {
        try {
            MccRiskTables tables = MccRiskTableStore.load(s3, modelsBucket);
            current.set(tables.context());
            log.debug("MCC risk tables loaded: {}", tables.size());
        } catch (RuntimeException e) {
            log.warn(
                    "could not load the MCC risk tables ({}); keeping the ones in use",
                    e.getClass().getSimpleName());
        }
    }
}
