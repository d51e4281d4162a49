package io.cdp.transformer.alerts;

import io.cdp.events.Envelope;
import io.cdp.events.payload.FraudAlertRequestedV1;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Where alert requests go; at most one per transaction, however often the transaction is delivered. */
public interface AlertSink {

    /** @return true when this call sent the request, false when an earlier delivery already had */
    boolean request(Envelope<FraudAlertRequestedV1> alert);

    /**
     * A batch's alerts, each with {@link #request}'s guarantee, run concurrently on {@code io}; returns when every one
     * is claimed and sent (or found sent before), throws if any failed (a retry of all is safe: claims dedupe).
     *
     * @return how many this call sent
     */
    default int requestAll(List<Envelope<FraudAlertRequestedV1>> alerts, Executor io) {
        List<CompletableFuture<Boolean>> sent = alerts.stream()
                .map(a -> CompletableFuture.supplyAsync(() -> request(a), io))
                .toList();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return (int) sent.stream()
                .map(CompletableFuture::join)
                .filter(Boolean::booleanValue)
                .count();
    }
}
