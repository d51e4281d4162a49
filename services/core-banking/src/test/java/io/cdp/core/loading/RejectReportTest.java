package io.cdp.core.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectReportTest {

    private static final List<String> ROW = List.of("Hazel Example", "41", "12 Example Lane", "4344676511950444", "No");

    @Test
    void aReasonQuotingAFieldValueIsWithheldButTheLineStays(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rejects.jsonl");
        try (RejectReport report = new RejectReport(file)) {
            report.rejectRow("cards.csv", 7, "Card Number '4344676511950444' is not valid", ROW);
            report.rejectRow("users.csv", 8, "bad row: Hazel Example,41", ROW);
            report.rejectRow("users.csv", 9, "Current Age is not an integer", ROW);
        }
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written)
                .doesNotContain("4344676511950444")
                .doesNotContain("Hazel")
                .contains("\"file\":\"cards.csv\",\"line\":7,")
                .contains("\"line\":8,")
                .contains("Current Age is not an integer");
        assertThat(written.lines()).hasSize(3);
    }

    @Test
    void shortValuesLikeYesNoOrAnAgeDoNotHideAColumnName() {
        assertThat(RejectReport.withoutValues("Has Chip is not Yes/No", List.of("No", "41", "Yes")))
                .isEqualTo("Has Chip is not Yes/No");
    }
}
