package io.cdp.pii.token;

/** A token key version this process does not hold: never created, or retired (its key deleted). */
public final class UnknownTokenKeyVersionException extends IllegalArgumentException {

    public UnknownTokenKeyVersionException(int version) {
        super("no live token key version " + version + " (never created, or retired)");
    }
}
