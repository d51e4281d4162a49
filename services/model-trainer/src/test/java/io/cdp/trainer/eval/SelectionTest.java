package io.cdp.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.trainer.eval.Selection.Scores;
import io.cdp.trainer.eval.Selection.Summary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void picksTheBestMeanCardPrecisionNotTheBestSingleFold() {
        Map<String, List<Scores>> results = new LinkedHashMap<>();
        results.put("one lucky week", List.of(s(0.9, 0.70, 0.33), s(0.9, 0.70, 0.27), s(0.9, 0.70, 0.27)));
        results.put("steady", List.of(s(0.9, 0.60, 0.30), s(0.9, 0.60, 0.30), s(0.9, 0.60, 0.30)));
        List<Summary<String>> summaries = Selection.summarize(results);

        assertThat(summaries).extracting(Summary::candidate).containsExactly("one lucky week", "steady");
        assertThat(summaries.get(0).cp()).isCloseTo(0.29, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Selection.best(summaries).candidate()).isEqualTo("steady");
    }

    @Test
    void breaksCardPrecisionTiesByAveragePrecisionThenByGridOrder() {
        Map<String, List<Scores>> results = new LinkedHashMap<>();
        results.put("first", List.of(s(0.9, 0.60, 0.30), s(0.9, 0.60, 0.31)));
        // the same mean CP@100 reached in another order: floating-point sums may differ in the last bit
        results.put("better AP", List.of(s(0.8, 0.65, 0.31), s(0.8, 0.65, 0.30)));
        results.put("same AP, later", List.of(s(0.95, 0.65, 0.305), s(0.95, 0.65, 0.305)));
        assertThat(Selection.best(Selection.summarize(results)).candidate()).isEqualTo("better AP");
    }

    @Test
    void refusesCandidatesScoredOnFewerFolds() {
        Map<String, List<Scores>> results = new LinkedHashMap<>();
        results.put("a", List.of(s(0.9, 0.6, 0.3), s(0.9, 0.6, 0.3)));
        results.put("b", List.of(s(0.9, 0.6, 0.4)));
        assertThatThrownBy(() -> Selection.summarize(results))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b has 1 fold scores");
        assertThatThrownBy(() -> Selection.best(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static Scores s(double auc, double ap, double cp) {
        return new Scores(auc, ap, cp);
    }
}
