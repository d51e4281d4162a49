package io.cdp.core.tabformer;

/** A row that cannot be loaded; the reason names the column and the problem, never the value. */
public final class RowException extends Exception {

    public RowException(String reason) {
        super(reason, null, false, false);
    }
}
