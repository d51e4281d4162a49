package io.cdp.cli.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiWorkloadsTest {

    @Test
    void readsTheCacheHitRatioAndTheWritesOfARunFromTwoPrometheusScrapes() {
        var before = ApiWorkloads.Lookups.parse("""
                # HELP cdp_scoring_card_state_lookups_total card-state lookups, by where the answer came from
                # TYPE cdp_scoring_card_state_lookups_total counter
                cdp_scoring_card_state_lookups_total{application="scoring-api",source="memory"} 1000.0
                cdp_scoring_card_state_lookups_total{application="scoring-api",source="store"} 50.0
                cdp_scoring_card_state_read_seconds_count{application="scoring-api"} 50
                cdp_scoring_card_state_writes_total{application="scoring-api"} 400.0
                """);
        var after = ApiWorkloads.Lookups.parse("""
                cdp_scoring_card_state_lookups_total{application="scoring-api",source="store"} 950.0
                cdp_scoring_card_state_lookups_total{application="scoring-api",source="memory"} 1100.0
                cdp_scoring_card_state_writes_total{application="scoring-api"} 1150.0
                """);

        assertThat(after.minus(before).hitRatio()).isEqualTo(0.1);
        assertThat(after.minus(before).writes()).isEqualTo(750.0);
        assertThat(ApiWorkloads.Lookups.parse("up 1").hitRatio()).isNaN();
    }

    @Test
    void everySparseRequestIsANewCardAndEveryRequestANewTransaction() {
        List<byte[]> bodies = ApiWorkloads.bodies(
                "r1", List.of("crd_a", "crd_b", "crd_c"), 3, Instant.parse("2026-12-01T10:00:00Z"), 1);

        assertThat(bodies).hasSize(3);
        String first = new String(bodies.get(0), StandardCharsets.UTF_8);
        String third = new String(bodies.get(2), StandardCharsets.UTF_8);
        assertThat(first).contains("\"transactionId\":\"r1-0\"", "\"cardToken\":\"crd_a\"");
        assertThat(third).contains("\"transactionId\":\"r1-2\"", "\"cardToken\":\"crd_c\"");
    }

    @Test
    void ratesAndWorkloadsFromTheCommandLine() {
        assertThat(ApiBenchMain.rates(new String[0])).containsExactly(200, 500, 1000);
        assertThat(ApiBenchMain.rates(new String[] {"--rps", "750"})).containsExactly(750);
        assertThat(ApiBenchMain.workloads(new String[] {"--workloads", "sparse, write-back"}))
                .containsExactly("sparse", "write-back");
        assertThatThrownBy(() -> ApiBenchMain.workloads(new String[] {"--workloads", "cold"}))
                .hasMessageContaining("warm, sparse, write-back");
        assertThatThrownBy(() -> ApiBenchMain.rates(new String[] {"--rates", "0"}))
                .hasMessageContaining("at least 1");
    }
}
