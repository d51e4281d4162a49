package io.cdp.alerting.request;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.FraudAlertRequestedV1;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * {@code fraud.alert.requested.v1} from SQS {@code cdp-fraud-alerts}. Acknowledged when processed (sent, duplicate or
 * expired); an exception leaves the message on the queue, so it comes back after the visibility timeout and, after the
 * queue's maxReceiveCount, moves to its dead-letter queue (an invalid event gets there the same way, its reason in the
 * log).
 */
@Component
class AlertRequestListener {

    private final EventCodec codec;
    private final AlertProcessor processor;

    AlertRequestListener(EventCodec codec, AlertProcessor processor) {
        this.codec = codec;
        this.processor = processor;
    }

    @SqsListener(
            value = "#{@alertingQueues.requests()}",
            maxConcurrentMessages = "${cdp.alerting.max-concurrent-alerts:128}",
            maxMessagesPerPoll = "10")
    public void onRequest(String body) throws Exception {
        Envelope<?> envelope = codec.decode(body.getBytes(StandardCharsets.UTF_8));
        processor.process(envelope.payloadAs(FraudAlertRequestedV1.class));
    }
}
