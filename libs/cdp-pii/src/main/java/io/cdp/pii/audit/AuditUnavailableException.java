package io.cdp.pii.audit;

/**
 * The audit record of a PII access could not be written. The access is withheld (no plaintext, no erasure started):
 * callers answer "unavailable", never the result.
 */
public final class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(Throwable cause) {
        super("the PII audit trail cannot be written; access withheld", cause);
    }
}
