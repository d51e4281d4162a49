package io.cdp.pii.audit;

import java.time.Instant;

/**
 * One access to personal data: who ({@code principal} acting for {@code onBehalfOf}), what ({@code action}
 * on {@code field} of {@code entity}/{@code recordId}, under key {@code keyRef}), why ({@code purpose}) and
 * how it ended. Holds references only, never the value.
 */
public record AuditRecord(
        Instant at,
        String principal,
        String onBehalfOf,
        String action,
        String keyRef,
        String entity,
        String recordId,
        String field,
        String purpose,
        String outcome) {}
