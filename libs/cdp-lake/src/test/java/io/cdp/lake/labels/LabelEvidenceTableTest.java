package io.cdp.lake.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.lake.ParquetFiles;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelEvidenceTableTest {

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
