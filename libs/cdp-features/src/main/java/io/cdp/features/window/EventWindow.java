package io.cdp.features.window;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The events of one key (customer, card, terminal) that any of its windows can still need, sorted by event time;
 * events with equal time keep the order they were added in (arrival order). That tie rule is the handbook's: its
 * reference features order equal-timestamp transactions of a customer as the simulator wrote them, not by id. Every windowed feature in this module is computed from this one structure, in the
 * stream (one instance per key, stored between events) and, for parity, by the batch code's independent algorithm.
 *
 * <p>Why keep events and not running aggregates: the handbook windows are continuous in time ({@code rolling('7d')}
 * on the timestamp), so an aggregate cannot forget exactly what leaves the window without the events; holding them
 * also lets a redelivery be recognised by its (time, id) and a late event be merged at its place.
 *
 * <p>Memory is bounded twice: by time ({@code lookback + allowedLateness} behind the newest event) and by
 * {@code maxEvents}; when the cap evicts an event that was still inside a window, {@link #evictedByCap()} counts it
 * so the loss is visible instead of silent.
 *
 * <p>Amounts are held as exact integers of {@link #AMOUNT_SCALE} units, so sums do not depend on the order events
 * were added or removed: batch and stream give bit-identical sums.
 */
public final class EventWindow {

    /** Amounts are stored in units of 1/10,000 of the currency unit: exact for 2-decimal money. */
    public static final long AMOUNT_SCALE = 10_000L;

    public static final byte LABEL_UNKNOWN = -1;
    public static final byte LABEL_GENUINE = 0;
    public static final byte LABEL_FRAUD = 1;

    private final long lookbackMillis;
    private final long allowedLatenessMillis;
    private final int maxEvents;
    private long[] times;
    private long[] ids;
    private long[] amounts;
    private byte[] labels;
    private int size;
    private boolean anyApplied;
    private long lastTime;
    private long lastId;
    private long evictedByCap;

    public EventWindow(long lookbackMillis, long allowedLatenessMillis, int maxEvents) {
        if (lookbackMillis <= 0 || allowedLatenessMillis < 0 || maxEvents <= 0) {
            throw new IllegalArgumentException("lookback > 0, lateness >= 0 and maxEvents > 0 are required");
        }
        this.lookbackMillis = lookbackMillis;
        this.allowedLatenessMillis = allowedLatenessMillis;
        this.maxEvents = maxEvents;
        int initial = Math.min(8, maxEvents);
        times = new long[initial];
        ids = new long[initial];
        amounts = new long[initial];
        labels = new byte[initial];
    }

    public static long toUnits(double amount) {
        return Math.round(amount * AMOUNT_SCALE);
    }

    public static double fromUnits(long units) {
        return (double) units / AMOUNT_SCALE;
    }

    /**
     * Offers one event. Redeliveries (same time and id) and events older than the allowed lateness leave the state
     * unchanged, which makes re-applying a batch of events after a crash safe.
     */
    public ApplyOutcome add(long time, long id, long amountUnits, byte label) {
        // a redelivery is recognised as long as the event is still held, however late it comes
        int pos = search(time, id);
        if (pos >= 0) {
            return ApplyOutcome.DUPLICATE;
        }
        if (anyApplied && time < lastTime - allowedLatenessMillis) {
            return ApplyOutcome.TOO_LATE;
        }
        int at = -pos - 1;
        insertAt(at, time, id, amountUnits, label);
        ApplyOutcome outcome;
        if (!anyApplied || time >= lastTime) {
            anyApplied = true;
            lastTime = time;
            lastId = id;
            outcome = ApplyOutcome.APPLIED;
        } else {
            outcome = ApplyOutcome.APPLIED_LATE;
        }
        expire();
        return outcome;
    }

    /** Would {@link #add} accept this event? Lets a caller compute features before deciding to apply. */
    public ApplyOutcome classify(long time, long id) {
        if (search(time, id) >= 0) {
            return ApplyOutcome.DUPLICATE;
        }
        if (anyApplied && time < lastTime - allowedLatenessMillis) {
            return ApplyOutcome.TOO_LATE;
        }
        return !anyApplied || time >= lastTime ? ApplyOutcome.APPLIED : ApplyOutcome.APPLIED_LATE;
    }

    /** Attaches a label that arrived after its transaction (feedback); false when the event is no longer held. */
    public boolean setLabel(long time, long id, byte label) {
        int pos = search(time, id);
        if (pos < 0) {
            return false;
        }
        labels[pos] = label;
        return true;
    }

    private void expire() {
        long horizon = lastTime - allowedLatenessMillis - lookbackMillis;
        int drop = 0;
        while (drop < size && times[drop] <= horizon) {
            drop++;
        }
        int overCap = size - drop - maxEvents;
        if (overCap > 0) {
            evictedByCap += overCap;
            drop += overCap;
        }
        if (drop > 0) {
            removeFront(drop);
        }
    }

    /**
     * Number of held events ordered at or before the event (time, id): the positional end of a window ending at that
     * event. For an event not held, every event of equal time counts as before it.
     */
    public int endIndexInclusive(long time, long id) {
        int pos = search(time, id);
        return pos >= 0 ? pos + 1 : -pos - 1;
    }

    /** Number of held events ordered strictly before the event (time, id). */
    public int endIndexExclusive(long time, long id) {
        int pos = search(time, id);
        return pos >= 0 ? pos : -pos - 1;
    }

    /** Index of the first held event with event time strictly after {@code time} (a window open on the left). */
    public int firstAfter(long time) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public long sumAmountUnits(int fromInclusive, int toExclusive) {
        long s = 0;
        for (int i = fromInclusive; i < toExclusive; i++) {
            s += amounts[i];
        }
        return s;
    }

    public int countLabel(int fromInclusive, int toExclusive, byte label) {
        int c = 0;
        for (int i = fromInclusive; i < toExclusive; i++) {
            if (labels[i] == label) {
                c++;
            }
        }
        return c;
    }

    public int size() {
        return size;
    }

    public long timeAt(int i) {
        return times[i];
    }

    public long idAt(int i) {
        return ids[i];
    }

    public long amountUnitsAt(int i) {
        return amounts[i];
    }

    public boolean anyApplied() {
        return anyApplied;
    }

    public long lastAppliedTime() {
        return lastTime;
    }

    public long lastAppliedId() {
        return lastId;
    }

    public long evictedByCap() {
        return evictedByCap;
    }

    /** Index of the held event (time, id), or {@code -(insertion point) - 1}: after every event of equal time. */
    private int search(long time, long id) {
        int from = firstAfter(time - 1);
        int to = firstAfter(time);
        for (int i = from; i < to; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -(to + 1);
    }

    private void insertAt(int at, long time, long id, long amount, byte label) {
        if (size == times.length) {
            int cap = Math.max(8, times.length * 2);
            times = Arrays.copyOf(times, cap);
            ids = Arrays.copyOf(ids, cap);
            amounts = Arrays.copyOf(amounts, cap);
            labels = Arrays.copyOf(labels, cap);
        }
        int tail = size - at;
        if (tail > 0) {
            System.arraycopy(times, at, times, at + 1, tail);
            System.arraycopy(ids, at, ids, at + 1, tail);
            System.arraycopy(amounts, at, amounts, at + 1, tail);
            System.arraycopy(labels, at, labels, at + 1, tail);
        }
        times[at] = time;
        ids[at] = id;
        amounts[at] = amount;
        labels[at] = label;
        size++;
    }

    private void removeFront(int n) {
        int rest = size - n;
        System.arraycopy(times, n, times, 0, rest);
        System.arraycopy(ids, n, ids, 0, rest);
        System.arraycopy(amounts, n, amounts, 0, rest);
        System.arraycopy(labels, n, labels, 0, rest);
        size = rest;
        // give memory back when a burst has passed, so a quiet key does not keep a large array in the store
        if (times.length > 64 && size < times.length / 4) {
            int cap = Math.max(8, size * 2);
            times = Arrays.copyOf(times, cap);
            ids = Arrays.copyOf(ids, cap);
            amounts = Arrays.copyOf(amounts, cap);
            labels = Arrays.copyOf(labels, cap);
        }
    }

    // ---------------------------------------------------------------- plain-data forms for the online store

    /**
     * The whole state as plain data: a record of arrays that a JSON mapper writes as is (DynamoDB document) and
     * {@link #fromSnapshot} restores exactly.
     */
    public record Snapshot(
            long lookbackMillis,
            long allowedLatenessMillis,
            int maxEvents,
            long[] times,
            long[] ids,
            long[] amountUnits,
            byte[] labels,
            boolean anyApplied,
            long lastAppliedTime,
            long lastAppliedId,
            long evictedByCap) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s
                    && s.lookbackMillis == lookbackMillis
                    && s.allowedLatenessMillis == allowedLatenessMillis
                    && s.maxEvents == maxEvents
                    && Arrays.equals(s.times, times)
                    && Arrays.equals(s.ids, ids)
                    && Arrays.equals(s.amountUnits, amountUnits)
                    && Arrays.equals(s.labels, labels)
                    && s.anyApplied == anyApplied
                    && s.lastAppliedTime == lastAppliedTime
                    && s.lastAppliedId == lastAppliedId
                    && s.evictedByCap == evictedByCap;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(times) * 31 + Arrays.hashCode(ids) * 17 + Long.hashCode(lastAppliedTime);
        }

        @Override
        public String toString() {
            return "Snapshot[events=" + times.length + ", last=" + lastAppliedTime + "/" + lastAppliedId + "]";
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(
                lookbackMillis,
                allowedLatenessMillis,
                maxEvents,
                Arrays.copyOf(times, size),
                Arrays.copyOf(ids, size),
                Arrays.copyOf(amounts, size),
                Arrays.copyOf(labels, size),
                anyApplied,
                lastTime,
                lastId,
                evictedByCap);
    }

    public static EventWindow fromSnapshot(Snapshot s) {
        int n = s.times().length;
        if (s.ids().length != n || s.amountUnits().length != n || s.labels().length != n) {
            throw new IllegalArgumentException("snapshot arrays differ in length");
        }
        EventWindow w = new EventWindow(s.lookbackMillis(), s.allowedLatenessMillis(), s.maxEvents());
        w.times = Arrays.copyOf(s.times(), Math.max(n, 8));
        w.ids = Arrays.copyOf(s.ids(), Math.max(n, 8));
        w.amounts = Arrays.copyOf(s.amountUnits(), Math.max(n, 8));
        w.labels = Arrays.copyOf(s.labels(), Math.max(n, 8));
        w.size = n;
        w.anyApplied = s.anyApplied();
        w.lastTime = s.lastAppliedTime();
        w.lastId = s.lastAppliedId();
        w.evictedByCap = s.evictedByCap();
        return w;
    }

    private static final byte FORMAT_VERSION = 1;

    /** Compact binary form (about 25 bytes an event) for a DynamoDB binary attribute. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + size * 25);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeLong(lookbackMillis);
            out.writeLong(allowedLatenessMillis);
            out.writeInt(maxEvents);
            out.writeBoolean(anyApplied);
            out.writeLong(lastTime);
            out.writeLong(lastId);
            out.writeLong(evictedByCap);
            out.writeInt(size);
            for (int i = 0; i < size; i++) {
                out.writeLong(times[i]);
                out.writeLong(ids[i]);
                out.writeLong(amounts[i]);
                out.writeByte(labels[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static EventWindow fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("unknown event-window format version " + version);
            }
            EventWindow w = new EventWindow(in.readLong(), in.readLong(), in.readInt());
            w.anyApplied = in.readBoolean();
            w.lastTime = in.readLong();
            w.lastId = in.readLong();
            w.evictedByCap = in.readLong();
            int n = in.readInt();
            if (n < 0 || n > w.maxEvents) {
                throw new IllegalArgumentException("corrupt event-window: " + n + " events");
            }
            int cap = Math.max(n, 8);
            w.times = new long[cap];
            w.ids = new long[cap];
            w.amounts = new long[cap];
            w.labels = new byte[cap];
            for (int i = 0; i < n; i++) {
                w.times[i] = in.readLong();
                w.ids[i] = in.readLong();
                w.amounts[i] = in.readLong();
                w.labels[i] = in.readByte();
            }
            w.size = n;
            return w;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated event-window bytes", e);
        }
    }
}
