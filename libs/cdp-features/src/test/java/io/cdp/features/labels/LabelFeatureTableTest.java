package io.cdp.features.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelFeatureTableTest {

    private static final LocalDate AS_OF = LocalDate.of(2018, 8, 8);
    private static final int[] WINDOWS = {1, 7, 30};

    private static LabelledEvent ev(String key, LocalDate day, int hour, boolean fraud) {
        return new LabelledEvent(key, day.atTime(hour, 0), fraud);
    }

    @Test
    void labelsInsideTheDelayAreNeverUsed() {
        LocalDate lastKnownDay =
                AS_OF.minusDays(8); // day D-8 is the last one whose labels are known with a 7-day delay
        List<LabelledEvent> history = List.of(
                ev("T1", lastKnownDay, 10, true),
                ev("T1", lastKnownDay, 11, false),
                ev("T1", AS_OF.minusDays(7), 0, true), // first day inside the delay
                ev("T1", AS_OF.minusDays(1), 9, true),
                ev("T2", AS_OF.minusDays(3), 9, true)); // only inside the delay: unknown key
        LabelFeatureTable t = LabelFeatureTableBuilder.build("terminal", history, AS_OF, 7, WINDOWS);
        assertThat(t.value("T1", "NB_TX_1DAY_WINDOW")).isEqualTo(2);
        assertThat(t.value("T1", "RISK_1DAY_WINDOW")).isEqualTo(0.5);
        assertThat(t.isKnown("T2")).isFalse();
        assertThat(t.labelsBefore()).isEqualTo(AS_OF.minusDays(7));
    }

    @Test
    void windowsAreCalendarDaysBeforeTheDelayCutoff() {
        List<LabelledEvent> history = List.of(
                ev("M", AS_OF.minusDays(8), 23, true),
                ev("M", AS_OF.minusDays(14), 0, false), // 7-day window starts at D-14
                ev("M", AS_OF.minusDays(15), 12, true), // outside 7 days, inside 30
                ev("M", AS_OF.minusDays(38), 12, true)); // outside 30 days
        LabelFeatureTable t = LabelFeatureTableBuilder.build("mcc", history, AS_OF, 7, WINDOWS);
        assertThat(t.values("M")).containsExactly(1, 1.0, 2, 0.5, 3, 2.0 / 3);
    }

    @Test
    void unknownKeysGetZeroCountAndThePriorRiskNotZero() {
        List<LabelledEvent> history = List.of(
                ev("A", AS_OF.minusDays(10), 1, true),
                ev("B", AS_OF.minusDays(10), 2, false),
                ev("B", AS_OF.minusDays(8), 2, false),
                ev("C", AS_OF.minusDays(8), 2, true));
        LabelFeatureTable t = LabelFeatureTableBuilder.build("mcc", history, AS_OF, 7, WINDOWS);
        assertThat(t.value("nobody", "NB_TX_7DAY_WINDOW")).isZero();
        assertThat(t.value("nobody", "RISK_7DAY_WINDOW")).isEqualTo(0.5);
        // A has no transaction on D-8: count 0 and the 1-day prior (1 fraud in 2), not a reassuring 0
        assertThat(t.value("A", "NB_TX_1DAY_WINDOW")).isZero();
        assertThat(t.value("A", "RISK_1DAY_WINDOW")).isEqualTo(0.5);
        assertThat(t.value("A", "RISK_7DAY_WINDOW")).isEqualTo(1.0);
    }

    @Test
    void textAndJavaSerialisationRoundTripKeepAsOfDayDelayAndValues() throws Exception {
        LabelFeatureTable t = LabelFeatureTableBuilder.build(
                "terminal",
                List.of(ev("7", AS_OF.minusDays(9), 3, true), ev("8", AS_OF.minusDays(20), 3, false)),
                AS_OF,
                7,
                WINDOWS);
        StringWriter w = new StringWriter();
        t.write(w);
        LabelFeatureTable back = LabelFeatureTable.read(new StringReader(w.toString()));
        assertThat(back).isEqualTo(t);
        assertThat(back.asOfDay()).isEqualTo(AS_OF);
        assertThat(back.delayDays()).isEqualTo(7);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(t);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(t);
        }
    }

    @Test
    void tablesWithDifferentValuesAreNotEqual() {
        LabelFeatureTable a =
                LabelFeatureTableBuilder.build("t", List.of(ev("k", AS_OF.minusDays(9), 1, true)), AS_OF, 7, WINDOWS);
        LabelFeatureTable b =
                LabelFeatureTableBuilder.build("t", List.of(ev("k", AS_OF.minusDays(9), 1, false)), AS_OF, 7, WINDOWS);
        assertThat(a).isNotEqualTo(b);
        assertThat(LocalDateTime.of(2018, 1, 1, 0, 0)).isBefore(AS_OF.atStartOfDay());
    }
}
