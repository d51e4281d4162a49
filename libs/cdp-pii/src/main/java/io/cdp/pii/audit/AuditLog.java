package io.cdp.pii.audit;

/** Append-only trail of PII access. Implementations must throw when the record was not stored. */
public interface AuditLog {

    void record(AuditRecord record);
}
