package io.cdp.core.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

class KinesisPublisherTest {

    /** A stream that throttles every third record of each request, and records what it accepted. */
    private static final class ThrottlingStream {
        final List<String> accepted = new ArrayList<>();
        final List<Integer> requestSizes = new ArrayList<>();
        int calls;

        PutRecordsResponse put(PutRecordsRequest request) {
            calls++;
            requestSizes.add(request.records().size());
            List<PutRecordsResultEntry> results = new ArrayList<>();
            int failed = 0;
            for (int i = 0; i < request.records().size(); i++) {
                if (i % 3 == 2) {
                    failed++;
                    results.add(PutRecordsResultEntry.builder()
                            .errorCode("ProvisionedThroughputExceededException")
                            .build());
                } else {
                    accepted.add(request.records().get(i).data().asString(StandardCharsets.UTF_8));
                    results.add(PutRecordsResultEntry.builder()
                            .sequenceNumber("s" + accepted.size())
                            .shardId("shardId-0")
                            .build());
                }
            }
            return PutRecordsResponse.builder()
                    .failedRecordCount(failed)
                    .records(results)
                    .build();
        }
    }

    @SuppressWarnings("unchecked")
    private static KinesisClient client(ThrottlingStream stream) {
        KinesisClient kinesis = mock(KinesisClient.class);
        when(kinesis.putRecords(any(Consumer.class))).thenAnswer(inv -> {
            PutRecordsRequest.Builder b = PutRecordsRequest.builder();
            ((Consumer<PutRecordsRequest.Builder>) inv.getArgument(0)).accept(b);
            return stream.put(b.build());
        });
        return kinesis;
    }

    private static List<KinesisPublisher.Record> records(int n) {
        List<KinesisPublisher.Record> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new KinesisPublisher.Record("crd_" + (i % 7), ("r" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void partiallyFailedRecordsAreRetriedUntilEveryRecordIsAccepted() {
        ThrottlingStream stream = new ThrottlingStream();
        KinesisPublisher publisher = new KinesisPublisher(client(stream), "s");
        publisher.putAll(records(1200));
        assertThat(stream.accepted).hasSize(1200).doesNotHaveDuplicates();
        assertThat(publisher.retriedRecords()).isPositive();
    }

    @Test
    void batchesHoldAtMost500Records() {
        ThrottlingStream stream = new ThrottlingStream();
        new KinesisPublisher(client(stream), "s").putAll(records(1200));
        assertThat(stream.requestSizes.subList(0, 1)).containsExactly(500);
        assertThat(stream.requestSizes).allMatch(size -> size <= 500);
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordsThatNeverGetThroughFailLoudlyInsteadOfBeingDropped() {
        KinesisClient kinesis = mock(KinesisClient.class);
        when(kinesis.putRecords(any(Consumer.class)))
                .thenReturn(PutRecordsResponse.builder()
                        .failedRecordCount(1)
                        .records(PutRecordsResultEntry.builder()
                                .errorCode("InternalFailure")
                                .build())
                        .build());
        KinesisPublisher publisher = new KinesisPublisher(kinesis, "s", 3);
        assertThatThrownBy(() -> publisher.sendBatch(records(1))).hasMessageContaining("still failing");
    }
}
