package io.cdp.features.window;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventWindowTest {

    private static final long MIN = 60_000L;

    private static EventWindow window() {
        return new EventWindow(10 * MIN, 2 * MIN, 100);
    }

    @Test
    void expiresEventsOlderThanLookbackPlusLatenessBehindTheNewest() {
        EventWindow w = window();
        w.add(0, 1, 100, EventWindow.LABEL_UNKNOWN);
        w.add(5 * MIN, 2, 100, EventWindow.LABEL_UNKNOWN);
        w.add(12 * MIN, 3, 100, EventWindow.LABEL_UNKNOWN);
        assertThat(w.size()).isEqualTo(2);
        assertThat(w.idAt(0)).isEqualTo(2);
        w.add(17 * MIN + 1, 4, 100, EventWindow.LABEL_UNKNOWN);
        assertThat(w.size()).isEqualTo(2);
        assertThat(w.idAt(0)).isEqualTo(3);
    }

    @Test
    void redeliveryOfTheSameEventIsDetectedAndChangesNothing() {
        EventWindow w = window();
        assertThat(w.add(MIN, 7, 500, EventWindow.LABEL_UNKNOWN)).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(w.add(2 * MIN, 8, 500, EventWindow.LABEL_UNKNOWN)).isEqualTo(ApplyOutcome.APPLIED);
        EventWindow.Snapshot before = w.snapshot();
        assertThat(w.add(MIN, 7, 500, EventWindow.LABEL_UNKNOWN)).isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(w.add(2 * MIN, 8, 500, EventWindow.LABEL_UNKNOWN)).isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(w.snapshot()).isEqualTo(before);
    }

    @Test
    void sameTimeDifferentIdIsANewEventKeptInArrivalOrder() {
        EventWindow w = window();
        w.add(MIN, 9, 1, EventWindow.LABEL_UNKNOWN);
        assertThat(w.add(MIN, 3, 2, EventWindow.LABEL_UNKNOWN)).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(w.idAt(0)).isEqualTo(9);
        assertThat(w.idAt(1)).isEqualTo(3);
        assertThat(w.endIndexInclusive(MIN, 9)).isEqualTo(1);
        assertThat(w.endIndexExclusive(MIN, 3)).isEqualTo(1);
    }

    @Test
    void lateEventWithinLatenessIsMergedAtItsPlaceAndOlderOneIsRejected() {
        EventWindow w = window();
        w.add(10 * MIN, 1, 1, EventWindow.LABEL_UNKNOWN);
        w.add(20 * MIN, 2, 1, EventWindow.LABEL_UNKNOWN);
        assertThat(w.add(19 * MIN, 3, 1, EventWindow.LABEL_UNKNOWN)).isEqualTo(ApplyOutcome.APPLIED_LATE);
        assertThat(w.idAt(w.size() - 2)).isEqualTo(3);
        assertThat(w.add(17 * MIN, 4, 1, EventWindow.LABEL_UNKNOWN)).isEqualTo(ApplyOutcome.TOO_LATE);
        assertThat(w.lastAppliedTime()).isEqualTo(20 * MIN);
        assertThat(w.lastAppliedId()).isEqualTo(2);
    }

    @Test
    void capEvictsOldestAndCountsWhatWasLost() {
        EventWindow w = new EventWindow(10 * MIN, 0, 3);
        for (int i = 0; i < 5; i++) {
            w.add(i, i, 1, EventWindow.LABEL_UNKNOWN);
        }
        assertThat(w.size()).isEqualTo(3);
        assertThat(w.idAt(0)).isEqualTo(2);
        assertThat(w.evictedByCap()).isEqualTo(2);
    }

    @Test
    void bytesAndSnapshotRestoreAnIdenticalState() {
        EventWindow w = window();
        w.add(MIN, 1, 1234, EventWindow.LABEL_FRAUD);
        w.add(MIN, 2, -55, EventWindow.LABEL_GENUINE);
        w.add(3 * MIN, 3, 99, EventWindow.LABEL_UNKNOWN);
        assertThat(EventWindow.fromBytes(w.toBytes()).snapshot()).isEqualTo(w.snapshot());
        EventWindow restored = EventWindow.fromSnapshot(w.snapshot());
        assertThat(restored.add(MIN, 2, -55, EventWindow.LABEL_GENUINE)).isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(restored.sumAmountUnits(0, restored.size())).isEqualTo(1234 - 55 + 99);
        assertThat(restored.countLabel(0, restored.size(), EventWindow.LABEL_FRAUD))
                .isEqualTo(1);
    }

    @Test
    void amountsAreExactIntegerUnitsSoSumsDoNotDependOnOrder() {
        assertThat(EventWindow.toUnits(0.1) + EventWindow.toUnits(0.2)).isEqualTo(EventWindow.toUnits(0.3));
        assertThat(EventWindow.fromUnits(EventWindow.toUnits(29.01))).isEqualTo(29.01);
    }
}
