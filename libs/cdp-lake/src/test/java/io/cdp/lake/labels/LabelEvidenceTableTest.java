package io.cdp.lake.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.pii.Token;
import io.cdp.lake.ParquetFiles;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelEvidenceTableTest {

    @Test
    void aFeedbackEventBecomesEvidenceKnownWhenItWasReceived() {
        Instant received = Instant.parse("2026-03-01T10:05:00Z");
        LabelEvidence e = LabelEvidence.of(new CustomerFeedbackReceivedV1(
                "al-9",
                "tx-9",
                new Token("cus_v1_BBBBBBBBBBBBBBBBBBBBBBLi4uLi4uLi4uLi4uLi4uL"),
                CustomerFeedbackReceivedV1.Verdict.NOT_FRAUD,
                CustomerFeedbackReceivedV1.FeedbackChannel.SMS,
                received));

        assertThat(e).isEqualTo(new LabelEvidence("tx-9", LabelEvidence.Kind.NOT_FRAUD, received, "al-9"));
        assertThat(e.kind().fraud()).isFalse();
    }

    @Test
    void evidenceRoundTripsThroughParquet() {
        List<LabelEvidence> rows = List.of(
                LabelEvidence.feedback("tx-1", "CONFIRMED_FRAUD", Instant.parse("2026-03-01T10:00:00.123Z"), "al-1"),
                LabelEvidence.chargeback("tx-2", Instant.parse("2026-03-09T00:00:00Z"), "cb-7"));

        List<LabelEvidence> back = ParquetFiles.read(LabelEvidenceTable.toParquet(rows)).stream()
                .map(LabelEvidenceTable::fromRow)
                .toList();

        assertThat(back).isEqualTo(rows);
    }
}
