package io.cdp.c360.ingest;

import io.cdp.kinesis.ingest.RawRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite's claim-check quarantine, in the stream transformer's format: the bytes to
 * {@code quarantine/<stream>/<shard>/<sequence>.bin} in the lake bucket (SSE-KMS under the PII key: a malformed
 * record may hold personal data anywhere), and a dead letter of a few hundred bytes (reason, position, size, SHA-256,
 * object key, consumer) to {@code cdp-stream-dead-letters}. The detail names classes and fields, never values.
 */
public final class S3SqsQuarantine implements Quarantine {

    private static final int MAX_DETAIL = 1_000;

    private final S3Client s3;
    private final SqsClient sqs;
    private final String bucket;
    private final String kmsKeyAlias;
    private final String queueName;
    private final JsonMapper json;
    private final Clock clock;
    private final String consumer;
    private volatile String queueUrl;

    public S3SqsQuarantine(
            S3Client s3,
            SqsClient sqs,
            String bucket,
            String kmsKeyAlias,
            String queueName,
            JsonMapper json,
            Clock clock,
            String consumer) {
        this.s3 = s3;
        this.sqs = sqs;
        this.bucket = bucket;
        this.kmsKeyAlias = kmsKeyAlias;
        this.queueName = queueName;
        this.json = json;
        this.clock = clock;
        this.consumer = consumer;
    }

    @Override
    public void quarantine(String stream, String shard, RawRecord record, String reason, String detail) {
        String key = "quarantine/" + stream + "/" + shard + "/" + record.sequenceNumber() + ".bin";
        s3.putObject(
                b -> b.bucket(bucket)
                        .key(key)
                        .contentType("application/octet-stream")
                        .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                        .ssekmsKeyId(kmsKeyAlias),
                RequestBody.fromBytes(record.data()));
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("reason", reason);
        letter.put("detail", detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail);
        letter.put("stream", stream);
        letter.put("shardId", shard);
        letter.put("sequenceNumber", record.sequenceNumber());
        letter.put("size", record.data().length);
        letter.put("sha256", sha256(record.data()));
        letter.put("bucket", bucket);
        letter.put("objectKey", key);
        letter.put("receivedAt", clock.instant().toString());
        letter.put("consumer", consumer);
        String url = queueUrl;
        if (url == null) {
            url = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
            queueUrl = url;
        }
        String target = url;
        sqs.sendMessage(b -> b.queueUrl(target)
                .messageBody(new String(json.writeValueAsBytes(letter), StandardCharsets.UTF_8))
                .messageAttributes(Map.of(
                        "reason",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(reason)
                                .build())));
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
