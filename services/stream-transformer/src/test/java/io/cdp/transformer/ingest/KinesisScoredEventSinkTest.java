package io.cdp.transformer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

class KinesisScoredEventSinkTest {

    private static PutRecordsRequestEntry entry(String key) {
        return PutRecordsRequestEntry.builder()
                .partitionKey(key)
                .data(SdkBytes.fromUtf8String(key))
                .build();
    }

    @Test
    void onlyTheRefusedEntriesAreSentAgain() {
        List<PutRecordsRequestEntry> sent = List.of(entry("a"), entry("b"), entry("c"));
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

        assertThat(KinesisScoredEventSink.failed(sent, response))
                .extracting(PutRecordsRequestEntry::partitionKey)
                .containsExactly("a", "c");
    }

    @Test
    void nothingIsSentAgainWhenAllAreStored() {
        List<PutRecordsRequestEntry> sent = List.of(entry("a"));
        PutRecordsResponse response = PutRecordsResponse.builder()
                .failedRecordCount(0)
                .records(PutRecordsResultEntry.builder()
                        .sequenceNumber("1")
                        .shardId("shard-0")
                        .build())
                .build();

        assertThat(KinesisScoredEventSink.failed(sent, response)).isEmpty();
    }
}
