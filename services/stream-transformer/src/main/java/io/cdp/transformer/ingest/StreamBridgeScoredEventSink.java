package io.cdp.transformer.ingest;

import io.awspring.cloud.kinesis.integration.KinesisHeaders;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.TransactionScoredV1;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Scored events through the binder's {@code scored-out-0} binding: plain envelopes (no embedded headers), partition
 * key = card token, and a synchronous producer, so {@code send} returns only once Kinesis has stored the record.
 * Sends of one batch run concurrently; the batch is done when all are.
 */
final class StreamBridgeScoredEventSink implements ScoredEventSink {

    static final String BINDING = "scored-out-0";

    private final StreamBridge bridge;
    private final EventCodec codec;
    private final Executor executor;

    StreamBridgeScoredEventSink(StreamBridge bridge, EventCodec codec, Executor executor) {
        this.bridge = bridge;
        this.codec = codec;
        this.executor = executor;
    }

    @Override
    public void publish(List<Envelope<TransactionScoredV1>> events) {
        CompletableFuture.allOf(events.stream().map(event -> CompletableFuture.runAsync(() -> {
            boolean sent = bridge.send(BINDING, MessageBuilder.withPayload(codec.encode(event))
                    .setHeader(KinesisHeaders.PARTITION_KEY, event.partitionKey()).build());
            if (!sent) {
                throw new IllegalStateException("binder refused scored event " + event.eventId());
            }
        }, executor)).toArray(CompletableFuture[]::new)).join();
    }
}
