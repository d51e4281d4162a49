package io.cdp.transformer.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import tools.jackson.databind.json.JsonMapper;

/** Dead letters as JSON messages on SQS {@code cdp-stream-dead-letters}, in batches of ten, failures retried by the caller. */
public final class SqsDeadLetterSink implements DeadLetterSink {

    private final SqsClient sqs;
    private final String queueUrl;
    private final JsonMapper mapper;

    public SqsDeadLetterSink(SqsClient sqs, String queueName, JsonMapper mapper) {
        this.sqs = sqs;
        this.queueUrl = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        this.mapper = mapper;
    }

    @Override
    public void send(List<DeadLetter> deadLetters) {
        for (int from = 0; from < deadLetters.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<DeadLetter> chunk = deadLetters.subList(from, Math.min(deadLetters.size(), from + 10));
            for (int i = 0; i < chunk.size(); i++) {
                DeadLetter d = chunk.get(i);
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody(mapper.writeValueAsString(d))
                        .messageAttributes(Map.of(
                                "reason",
                                software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue(d.reason())
                                        .build()))
                        .build());
            }
            SendMessageBatchResponse response =
                    sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " dead letters were not accepted: "
                        + response.failed().getFirst().message());
            }
        }
    }
}
