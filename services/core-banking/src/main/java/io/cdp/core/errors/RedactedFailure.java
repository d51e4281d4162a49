package io.cdp.core.errors;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A failure as the core zone may show it: exception classes and stack frames, never messages. An exception message is
 * free text written by whoever threw it (a parser quoting its input, an SDK quoting a request, a record's
 * {@code toString()}), so in a zone full of plaintext PII none reaches a log, a status or an API response. The frames
 * still say where it happened; the failing record is found again from counts and line numbers, not from the log.
 */
public final class RedactedFailure extends RuntimeException {

    private static final int MAX_CAUSES = 16;

    private RedactedFailure(String originalClass, StackTraceElement[] frames, @Nullable Throwable cause) {
        super(originalClass + " (message withheld)", cause, false, true);
        setStackTrace(frames);
    }

    /** A copy of the chain with the same classes (named in the message) and frames, and no original message. */
    public static RedactedFailure of(Throwable failure) {
        return copy(failure, new IdentityHashMap<>(), 0);
    }

    private static RedactedFailure copy(Throwable failure, Map<Throwable, Boolean> seen, int depth) {
        seen.put(failure, Boolean.TRUE);
        Throwable cause = failure.getCause();
        RedactedFailure redactedCause =
                cause == null || seen.containsKey(cause) || depth >= MAX_CAUSES ? null : copy(cause, seen, depth + 1);
        return new RedactedFailure(failure.getClass().getName(), failure.getStackTrace(), redactedCause);
    }

    /** The classes of the chain, outermost first, e.g. {@code IllegalStateException <- NumberFormatException}. */
    public static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder(failure.getClass().getSimpleName());
        Throwable cause = failure.getCause();
        for (int i = 0; cause != null && cause != failure && i < MAX_CAUSES; i++) {
            out.append(" <- ").append(cause.getClass().getSimpleName());
            failure = cause;
            cause = cause.getCause();
        }
        return out.toString();
    }
}
