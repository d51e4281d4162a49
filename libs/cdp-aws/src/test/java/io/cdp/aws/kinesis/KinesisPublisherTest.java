package io.cdp.aws.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
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

    @Test
    @SuppressWarnings("unchecked")
    void theAsynchronousPathRetriesTheRefusedRecordsUntilEveryRecordIsAccepted() {
        ThrottlingStream stream = new ThrottlingStream();
        KinesisAsyncClient kinesis = mock(KinesisAsyncClient.class);
        when(kinesis.putRecords(any(Consumer.class))).thenAnswer(inv -> {
            PutRecordsRequest.Builder b = PutRecordsRequest.builder();
            ((Consumer<PutRecordsRequest.Builder>) inv.getArgument(0)).accept(b);
            synchronized (stream) {
                return CompletableFuture.completedFuture(stream.put(b.build()));
            }
        });
        KinesisPublisher publisher = KinesisPublisher.async(kinesis, "s");
        publisher.putAllAsync(records(1200)).join();
        assertThat(stream.accepted).hasSize(1200).doesNotHaveDuplicates();
        assertThat(publisher.retriedRecords()).isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAsynchronousPathFailsLoudlyWhenRecordsNeverGetThrough() {
        KinesisAsyncClient kinesis = mock(KinesisAsyncClient.class);
        when(kinesis.putRecords(any(Consumer.class)))
                .thenReturn(CompletableFuture.completedFuture(PutRecordsResponse.builder()
                        .failedRecordCount(1)
                        .records(PutRecordsResultEntry.builder()
                                .errorCode("InternalFailure")
                                .errorMessage("try later")
                                .build())
                        .build()));
        KinesisPublisher publisher = KinesisPublisher.async(kinesis, "s", 3);
        assertThatThrownBy(() -> publisher.putAll(records(1)))
                .hasMessageContaining("still refused after 3 attempts")
                .hasMessageContaining("InternalFailure");
    }

    @Test
    void onlyTheRefusedRecordsAreSentAgainInTheirOrder() {
        List<KinesisPublisher.Record> sent = records(3);
        PutRecordsResponse response = PutRecordsResponse.builder()
                .failedRecordCount(2)
                .records(
                        PutRecordsResultEntry.builder()
                                .errorCode("ProvisionedThroughputExceededException")
                                .build(),
                        PutRecordsResultEntry.builder()
                                .sequenceNumber("1")
                                .shardId("shard-0")
                                .build(),
                        PutRecordsResultEntry.builder()
                                .errorCode("InternalFailure")
                                .build())
                .build();
        assertThat(KinesisPublisher.refused(sent, response)).containsExactly(sent.get(0), sent.get(2));
        assertThat(KinesisPublisher.refused(
                        sent.subList(0, 1),
                        PutRecordsResponse.builder().failedRecordCount(0).build()))
                .isEmpty();
    }

    @Test
    void batchesKeepToFiveMebibytes() {
        byte[] big = new byte[2 * 1024 * 1024];
        List<KinesisPublisher.Record> records = List.of(
                new KinesisPublisher.Record("a", big),
                new KinesisPublisher.Record("b", big),
                new KinesisPublisher.Record("c", big));
        assertThat(KinesisPublisher.batches(records)).extracting(List::size).containsExactly(2, 1);
    }
}
