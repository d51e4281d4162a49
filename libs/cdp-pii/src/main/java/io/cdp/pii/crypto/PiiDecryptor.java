package io.cdp.pii.crypto;

import io.cdp.events.pii.Ciphertext;
import io.cdp.pii.audit.AuditLog;
import io.cdp.pii.audit.AuditRecord;
import java.time.Clock;

/**
 * The only way back from ciphertext to plaintext, for core-zone code (core-banking's decrypt endpoint,
 * alerting). Every call, successful or not, leaves an audit record of who, what and why; the plaintext is
 * returned only after its audit record is written, so an audit outage fails closed.
 */
public final class PiiDecryptor {

    private final CoreZoneCredentials credentials;
    private final SubjectKeys keys;
    private final AuditLog audit;
    private final Clock clock;

    public PiiDecryptor(CoreZoneCredentials credentials, SubjectKeys keys, AuditLog audit, Clock clock) {
        this.credentials = credentials;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param onBehalfOf the end user or system the principal acts for (e.g. an operator id), or the principal itself
     * @param purpose    why (e.g. {@code fraud-alert-delivery}); required, recorded
     */
    public String decrypt(Ciphertext ciphertext, FieldContext context, String onBehalfOf, String purpose) {
        if (purpose.isBlank()) {
            throw new IllegalArgumentException("a decrypt needs a purpose for the audit trail");
        }
        String keyRef = FieldEncryptor.keyRefOf(ciphertext);
        String outcome = "ok";
        try {
            return FieldEncryptor.decrypt(keys, ciphertext, context);
        } catch (KeyShreddedException e) {
            outcome = "shredded";
            throw e;
        } catch (UnreadableCiphertextException e) {
            outcome = "unreadable";
            throw e;
        } finally {
            audit.record(new AuditRecord(
                    clock.instant(),
                    credentials.principal(),
                    onBehalfOf,
                    "pii.decrypt",
                    keyRef,
                    context.entity(),
                    context.recordId(),
                    context.field(),
                    purpose,
                    outcome));
        }
    }

    /** Crypto-shreds one customer (right to erasure) and audits it. */
    public void erase(String keyRef, String onBehalfOf, String purpose) {
        keys.erase(keyRef);
        audit.record(new AuditRecord(
                clock.instant(),
                credentials.principal(),
                onBehalfOf,
                "pii.erase",
                keyRef,
                "customer",
                keyRef,
                "*",
                purpose,
                "ok"));
    }
}
