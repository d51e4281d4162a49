package io.cdp.features.window;

/** What happened when an event was offered to a per-key state; the stream processor decides what to do next. */
public enum ApplyOutcome {
    /** Newer than everything applied before: applied, the returned features are point-in-time correct. */
    APPLIED,
    /**
     * Older than the newest applied event but within the allowed lateness: merged into the state at its place in
     * time, so the state (and every later event's features) equals the batch recomputation. Features already
     * emitted for newer events are not revised.
     */
    APPLIED_LATE,
    /**
     * The same (event time, transaction id) is still held in the state (however late it arrives): a redelivery,
     * nothing changed.
     */
    DUPLICATE,
    /**
     * Older than the allowed lateness and not held: either a new event whose windows the state can no longer serve
     * or a redelivery of one already expired; nothing changed. Route it to a late-event path, never silently drop it.
     */
    TOO_LATE;

    public boolean changedState() {
        return this == APPLIED || this == APPLIED_LATE;
    }
}
