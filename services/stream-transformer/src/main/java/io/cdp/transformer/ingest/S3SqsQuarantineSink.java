package io.cdp.transformer.ingest;

import io.cdp.lake.LakeLayout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Claim-check quarantine: the record's bytes, exactly as received, to {@code quarantine/<stream>/<shard>/<sequence>}
 * in the lake bucket with SSE-KMS under the PII key (only the core-banking zone may decrypt it: a malformed record
 * may hold personal data anywhere), then a {@link DeadLetter} of a few hundred bytes to SQS
 * {@code cdp-stream-dead-letters}. Neither can refuse a record for its size or content (an S3 object up to 5 GiB, a
 * message whose detail is capped), so a failure here is an outage and the caller retries until it passes.
 *
 * <p>The object key is the record's position, so quarantining a record again overwrites the same object. Positions
 * sent in this process are remembered (bounded), so a batch retried after its quarantine step sends no second
 * message; after a crash a replay may send one again, with the same position and SHA-256 (the queue's dedup key).
 */
public final class S3SqsQuarantineSink implements QuarantineSink {

    private static final int REMEMBERED = 10_000;
    private static final int MAX_DETAIL = 1_000;

    private final S3Client s3;
    private final SqsClient sqs;
    private final String bucket;
    private final String kmsKeyAlias;
    private final String queueUrl;
    private final JsonMapper mapper;
    private final Clock clock;
    private final String consumer;
    private final Set<String> sent = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));

    public S3SqsQuarantineSink(
            S3Client s3,
            SqsClient sqs,
            String bucket,
            String kmsKeyAlias,
            String queueName,
            JsonMapper mapper,
            Clock clock,
            String consumer) {
        this.s3 = s3;
        this.sqs = sqs;
        this.bucket = bucket;
        this.kmsKeyAlias = kmsKeyAlias;
        this.queueUrl = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        this.mapper = mapper;
        this.clock = clock;
        this.consumer = consumer;
    }

    /** {@code quarantine/<stream>/<shard>/<sequence>.bin}: one object per stream position. */
    public static String objectKey(String stream, String shardId, String sequenceNumber) {
        return LakeLayout.QUARANTINE + stream + "/" + shardId + "/" + sequenceNumber + ".bin";
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void quarantine(String stream, String shardId, List<Poison> poison) {
        List<DeadLetter> letters = new ArrayList<>(poison.size());
        for (Poison p : poison) {
            String position = stream + "/" + shardId + "/" + p.raw().sequenceNumber();
            if (sent.contains(position)) {
                continue;
            }
            String key = objectKey(stream, shardId, p.raw().sequenceNumber());
            s3.putObject(
                    b -> b.bucket(bucket)
                            .key(key)
                            .contentType("application/octet-stream")
                            .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                            .ssekmsKeyId(kmsKeyAlias),
                    RequestBody.fromBytes(p.raw().data()));
            String detail = p.detail().length() > MAX_DETAIL ? p.detail().substring(0, MAX_DETAIL) : p.detail();
            letters.add(new DeadLetter(
                    p.reason(),
                    detail,
                    stream,
                    shardId,
                    p.raw().sequenceNumber(),
                    p.raw().data().length,
                    sha256(p.raw().data()),
                    bucket,
                    key,
                    clock.instant(),
                    consumer));
        }
        for (int from = 0; from < letters.size(); from += 10) {
            List<DeadLetter> chunk = letters.subList(from, Math.min(letters.size(), from + 10));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                DeadLetter d = chunk.get(i);
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody(new String(mapper.writeValueAsBytes(d), StandardCharsets.UTF_8))
                        .messageAttributes(Map.of(
                                "reason",
                                MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue(d.reason())
                                        .build()))
                        .build());
            }
            SendMessageBatchResponse response =
                    sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " dead letters were not accepted: "
                        + response.failed().getFirst().code());
            }
            chunk.forEach(d -> sent.add(d.stream() + "/" + d.shardId() + "/" + d.sequenceNumber()));
        }
    }
}
