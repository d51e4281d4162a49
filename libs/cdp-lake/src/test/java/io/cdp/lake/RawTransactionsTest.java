package io.cdp.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.events.payload.Channel;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.pii.Token;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawTransactionsTest {

    private static TransactionRecordedV1 tx(String id, List<String> errors, String city, Boolean fraud) {
        return new TransactionRecordedV1(
                id,
                new Token("crd_v1_AAAAAAAAAAAAAAAAAAAAAALi4uLi4uLi4uLi4uLi4uL"),
                new Token("cus_v1_BBBBBBBBBBBBBBBBBBBBBBLi4uLi4uLi4uLi4uLi4uL"),
                Instant.parse("2019-03-04T05:06:07.123Z"),
                new BigDecimal("12.34"),
                "USD",
                "m-1",
                city,
                city == null ? null : "CA",
                city == null ? null : "94105",
                5411,
                Channel.CHIP,
                errors,
                fraud);
    }

    @Test
    void aWrittenRowReadsBackAsThePayloadItWasWrittenFrom() {
        List<TransactionRecordedV1> rows = List.of(
                tx("t-1", List.of(), "Berkeley", false),
                tx("t-2", List.of("Bad PIN", "Insufficient Balance"), null, true),
                tx("t-3", List.of("Bad CVV"), "Oakland", null));

        List<TransactionRecordedV1> back = ParquetFiles.read(RawTransactions.toParquet(rows)).stream()
                .map(RawTransactions::fromRow)
                .toList();

        assertThat(back).isEqualTo(rows);
    }

    @Test
    void partitionsByUtcMonth() {
        assertThat(LakeLayout.rawTransactionsPartition(Instant.parse("2019-12-31T23:59:59Z")))
                .isEqualTo("raw/transactions/year=2019/month=12/");
    }
}
