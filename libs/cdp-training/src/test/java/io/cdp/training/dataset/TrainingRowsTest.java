package io.cdp.training.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingRowsTest {

    private static TrainingRows rows() {
        double[][] f = {{1, 2, Double.NaN}, {4, 5, 6}};
        LocalDate day = LocalDate.of(2018, 7, 25);
        return new TrainingRows(
                List.of("a", "b", "c"),
                f,
                new boolean[] {true, false},
                new LocalDate[] {day, day.plusDays(1)},
                new long[] {7, 8});
    }

    @Test
    void selectKeepsTheNamedColumnsInTheOrderGivenWithLabelsDaysAndCards() {
        TrainingRows s = rows().select(List.of("c", "a"));
        assertThat(s.featureNames()).containsExactly("c", "a");
        assertThat(s.features()[0]).containsExactly(Double.NaN, 1.0);
        assertThat(s.features()[1]).containsExactly(6.0, 4.0);
        assertThat(s.labels()).containsExactly(true, false);
        assertThat(s.cards()).containsExactly(7L, 8L);
    }

    @Test
    void selectRejectsAnUnknownColumn() {
        assertThatThrownBy(() -> rows().select(List.of("z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no feature z");
    }

    @Test
    void floatRowsNarrowEachValueAndKeepMissingValues() {
        float[][] f = rows().floatRows();
        assertThat(f[0][0]).isEqualTo(1f);
        assertThat(f[0][2]).isNaN();
        assertThat(f[1]).containsExactly(4f, 5f, 6f);
    }
}
