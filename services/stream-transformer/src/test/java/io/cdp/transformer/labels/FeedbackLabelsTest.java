package io.cdp.transformer.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.CustomerFeedbackReceivedV1.FeedbackChannel;
import io.cdp.events.payload.CustomerFeedbackReceivedV1.Verdict;
import io.cdp.events.pii.Token;
import io.cdp.kinesis.ingest.RawRecord;
import io.cdp.lake.labels.LabelEvidence;
import io.cdp.transformer.ingest.Poison;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers become evidence in one write per batch; what does not decode is quarantined; a failed write throws. */
class FeedbackLabelsTest {

    private static final Token CUSTOMER = Token.of("cus_v1_" + "C".repeat(Token.MAC_CHARS));

    private final EventCodec codec = new EventCodec();
    private final Map<String, List<LabelEvidence>> written = new LinkedHashMap<>();
    private final List<Poison> quarantined = new ArrayList<>();

    @Test
    void answersBecomeOneBatchOfEvidenceNamedAfterTheBatchAndPoisonIsQuarantined() {
        FeedbackLabels labels =
                new FeedbackLabels(codec, written::put, (stream, shard, poison) -> quarantined.addAll(poison));
        CustomerFeedbackReceivedV1 fraud = answer("tx-1", Verdict.CONFIRMED_FRAUD);
        CustomerFeedbackReceivedV1 genuine = answer("tx-2", Verdict.NOT_FRAUD);
        RawRecord garbage = new RawRecord("{not json".getBytes(StandardCharsets.UTF_8), "103");

        int n = labels.process(
                "ns-cdp.feedback",
                "shardId-000000000000",
                List.of(record(fraud, "101"), record(genuine, "102"), garbage));

        assertThat(n).isEqualTo(2);
        assertThat(written).containsOnlyKeys("ns-cdp.feedback-shardId-000000000000-101");
        assertThat(written.values().iterator().next())
                .containsExactly(
                        new LabelEvidence("tx-1", LabelEvidence.Kind.CONFIRMED_FRAUD, fraud.receivedAt(), "alert-tx-1"),
                        new LabelEvidence("tx-2", LabelEvidence.Kind.NOT_FRAUD, genuine.receivedAt(), "alert-tx-2"));
        assertThat(quarantined).extracting(Poison::reason).containsExactly("unparseable");
        assertThat(quarantined.getFirst().raw()).isSameAs(garbage);
    }

    @Test
    void aBatchWithoutAnswersWritesNothing() {
        FeedbackLabels labels =
                new FeedbackLabels(codec, written::put, (stream, shard, poison) -> quarantined.addAll(poison));

        assertThat(labels.process("s", "shard", List.of())).isZero();
        assertThat(written).isEmpty();
        assertThat(quarantined).isEmpty();
    }

    @Test
    void aFailedWriteFailsTheBatchSoItIsNotCheckpointed() {
        FeedbackLabels labels = new FeedbackLabels(
                codec,
                (batch, evidence) -> {
                    throw new IllegalStateException("S3 down");
                },
                (stream, shard, poison) -> quarantined.addAll(poison));

        assertThatThrownBy(() -> labels.process("s", "shard", List.of(record(answer("tx-3", Verdict.NOT_FRAUD), "7"))))
                .hasMessage("S3 down");
    }

    private static CustomerFeedbackReceivedV1 answer(String transactionId, Verdict verdict) {
        return new CustomerFeedbackReceivedV1(
                "alert-" + transactionId,
                transactionId,
                CUSTOMER,
                verdict,
                FeedbackChannel.SMS,
                Instant.parse("2026-12-01T10:15:30Z"));
    }

    private RawRecord record(CustomerFeedbackReceivedV1 answer, String sequence) {
        return new RawRecord(
                codec.encode(Envelope.of("alerting", CUSTOMER.value(), answer.receivedAt(), answer)), sequence);
    }
}
