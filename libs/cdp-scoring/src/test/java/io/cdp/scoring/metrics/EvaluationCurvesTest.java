package io.cdp.scoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvaluationCurvesTest {

    private static final int N = 20_000;

    private static final double[] scores = new double[N];
    private static final boolean[] labels = new boolean[N];

    static {
        Random random = new Random(11);
        for (int i = 0; i < N; i++) {
            labels[i] = random.nextDouble() < 0.02;
            scores[i] = random.nextGaussian() + (labels[i] ? 2.0 : 0);
        }
    }

    @Test
    void thinsThousandsOfOperatingPointsToAFewDozenKeepingBothEnds() {
        EvaluationCurves curves = EvaluationCurves.of(scores, labels);

        assertThat(RankingMetrics.operatingPoints(scores, labels)).hasSizeGreaterThan(10_000);
        assertThat(curves.roc()).hasSizeBetween(10, EvaluationCurves.MAX_POINTS);
        assertThat(curves.pr()).hasSizeBetween(10, EvaluationCurves.MAX_POINTS);
        assertThat(curves.roc().getFirst()).isEqualTo(new EvaluationCurves.Point(0, 0));
        assertThat(curves.roc().getLast()).isEqualTo(new EvaluationCurves.Point(1, 1));
        assertThat(curves.pr().getLast().x()).isEqualTo(1.0);
        assertThat(curves.rows()).isEqualTo(N);
        assertThat(curves.positives()).isBetween(300L, 500L);
    }

    @Test
    void theThinnedRocKeepsTheAreaWithinOneSpacing() {
        EvaluationCurves curves = EvaluationCurves.of(scores, labels);
        double area = 0;
        for (int i = 1; i < curves.roc().size(); i++) {
            var a = curves.roc().get(i - 1);
            var b = curves.roc().get(i);
            area += (b.x() - a.x()) * (a.y() + b.y()) / 2;
        }

        assertThat(area).isCloseTo(RankingMetrics.rocAuc(scores, labels), offset(EvaluationCurves.SPACING));
    }

    @Test
    void pointsAreMonotoneAlongTheRoc() {
        var roc = EvaluationCurves.of(scores, labels).roc();
        for (int i = 1; i < roc.size(); i++) {
            assertThat(roc.get(i).x()).isGreaterThanOrEqualTo(roc.get(i - 1).x());
            assertThat(roc.get(i).y()).isGreaterThanOrEqualTo(roc.get(i - 1).y());
        }
    }

    @Test
    void theRegistryNoteReadsBackToTheSameCurvesAtFourDecimals() {
        EvaluationCurves curves = EvaluationCurves.of(scores, labels);
        EvaluationCurves back = EvaluationCurves.fromNote(curves.toNote());

        assertThat(back.roc()).hasSameSizeAs(curves.roc());
        assertThat(back.pr()).hasSameSizeAs(curves.pr());
        for (int i = 0; i < curves.roc().size(); i++) {
            assertThat(back.roc().get(i).x()).isCloseTo(curves.roc().get(i).x(), offset(5e-5));
            assertThat(back.roc().get(i).y()).isCloseTo(curves.roc().get(i).y(), offset(5e-5));
        }
        assertThat(back.positives()).isEqualTo(curves.positives());
    }

    @Test
    void noCurvesWithoutBothClassesAndAnUnreadableNoteIsEmptyNotAnError() {
        assertThat(EvaluationCurves.of(new double[] {0.1, 0.2}, new boolean[] {false, false})
                        .isEmpty())
                .isTrue();
        assertThat(EvaluationCurves.fromNote(Map.of("roc", "0.1:0.2 oops")).isEmpty())
                .isTrue();
        assertThat(EvaluationCurves.fromNote(Map.of()).isEmpty()).isTrue();
    }
}
