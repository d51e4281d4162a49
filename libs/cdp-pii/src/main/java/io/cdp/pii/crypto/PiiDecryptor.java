package io.cdp.pii.crypto;

import io.cdp.events.pii.Ciphertext;
import io.cdp.pii.audit.AuditLog;
import io.cdp.pii.audit.AuditRecord;
import io.cdp.pii.audit.AuditUnavailableException;
import io.cdp.pii.audit.Purpose;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The only way back from ciphertext to plaintext, for core-zone code (core-banking's decrypt endpoint, alerting),
 * and the audited way to erase a customer.
 *
 * <p>The audit contract: every attempt leaves exactly one {@code pii.decrypt} record, written before the caller gets
 * an answer, whose outcome is {@code ok}, {@code refused} (bad input: unknown purpose, malformed ciphertext, a context
 * it does not belong to, an unknown subject), {@code shredded} (the subject was erased) or {@code failed} (KMS or the
 * key store failed). If that record cannot be written the caller gets {@link AuditUnavailableException} instead of the
 * plaintext (or instead of the error it would have had): no access without its trace. An erasure writes its intent
 * ({@code requested}) before touching anything, then its outcome ({@code ok} or {@code failed}).
 */
public final class PiiDecryptor {

    /** Outcomes written to {@link AuditRecord#outcome()}. */
    public static final String OK = "ok";

    public static final String REFUSED = "refused";
    public static final String SHREDDED = "shredded";
    public static final String FAILED = "failed";
    public static final String REQUESTED = "requested";

    /** A decrypt request as a caller sent it: nothing validated yet, so even a malformed one is audited. */
    public record DecryptRequest(
            @Nullable String ciphertext,
            @Nullable String entity,
            @Nullable String recordId,
            @Nullable String field,
            @Nullable String purpose) {}

    private static final String NONE = "-";

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
     * Validates and decrypts a request as received; a refusal is audited with whatever parts of the request were
     * well-formed ({@code -} for the others, so nothing a caller typed reaches the trail unchecked).
     *
     * @throws PiiRequestRefusedException for a blank or unknown purpose, a malformed ciphertext or context part
     */
    public String decrypt(DecryptRequest request, String onBehalfOf) {
        List<PiiRequestRefusedException.Problem> problems = new ArrayList<>();
        Purpose purpose = Purpose.parse(request.purpose()).orElse(null);
        if (purpose == null || !purpose.justifiesDecrypt()) {
            problems.add(new PiiRequestRefusedException.Problem("purpose", "must be one of " + Purpose.forDecrypt()));
        }
        Ciphertext ciphertext = null;
        String keyRef = NONE;
        try {
            ciphertext = Ciphertext.of(request.ciphertext() == null ? "" : request.ciphertext());
            keyRef = CiphertextFormat.parse(ciphertext).keyRef();
        } catch (IllegalArgumentException | UnreadableCiphertextException e) {
            ciphertext = null;
            problems.add(new PiiRequestRefusedException.Problem(
                    "ciphertext", "is not a CDP ciphertext (ct1.<keyRef>.<sealed>)"));
        }
        String entity = part("entity", request.entity(), problems);
        String recordId = part("recordId", request.recordId(), problems);
        String field = part("field", request.field(), problems);
        if (!problems.isEmpty()) {
            record("pii.decrypt", keyRef, entity, recordId, field, onBehalfOf, purpose, REFUSED);
            throw new PiiRequestRefusedException(problems);
        }
        return decrypt(ciphertext, new FieldContext(entity, recordId, field), onBehalfOf, purpose);
    }

    /**
     * @param onBehalfOf the end user or system the principal acts for (e.g. an operator id), or the principal itself
     * @param purpose    why; recorded, and it must justify a decrypt
     * @throws KeyShreddedException       the subject was erased
     * @throws UnknownSubjectException    no key was ever made for the ciphertext's subject
     * @throws UnreadableCiphertextException the ciphertext does not belong to {@code context} (moved or altered)
     * @throws AuditUnavailableException  the audit record could not be written; nothing is returned
     */
    public String decrypt(Ciphertext ciphertext, FieldContext context, String onBehalfOf, Purpose purpose) {
        String keyRef;
        try {
            keyRef = FieldEncryptor.keyRefOf(ciphertext);
        } catch (UnreadableCiphertextException | IllegalArgumentException e) {
            audited(e, "pii.decrypt", NONE, context, onBehalfOf, purpose, REFUSED);
            throw e;
        }
        if (!purpose.justifiesDecrypt()) {
            PiiRequestRefusedException refused = new PiiRequestRefusedException(List.of(
                    new PiiRequestRefusedException.Problem("purpose", "must be one of " + Purpose.forDecrypt())));
            audited(refused, "pii.decrypt", keyRef, context, onBehalfOf, purpose, REFUSED);
            throw refused;
        }
        String plaintext;
        try {
            plaintext = FieldEncryptor.decrypt(keys, ciphertext, context);
        } catch (KeyShreddedException e) {
            audited(e, "pii.decrypt", keyRef, context, onBehalfOf, purpose, SHREDDED);
            throw e;
        } catch (UnreadableCiphertextException e) {
            audited(e, "pii.decrypt", keyRef, context, onBehalfOf, purpose, REFUSED);
            throw e;
        } catch (RuntimeException e) {
            // KMS or the key store failed: recorded as a failure, never as an access that happened
            audited(e, "pii.decrypt", keyRef, context, onBehalfOf, purpose, FAILED);
            throw e;
        }
        record("pii.decrypt", keyRef, context.entity(), context.recordId(), context.field(), onBehalfOf, purpose, OK);
        return plaintext;
    }

    /** Audit action of a disclosure (several values of one subject read from the core zone's own records). */
    public static final String DISCLOSE = "pii.disclose";

    /**
     * What a disclosure hands out, for its audit record: whose data ({@code keyRef}, the customer token, or {@code -}
     * when the request named none that is well-formed), the caller's reference (e.g. an alert id), which fields.
     */
    public record Disclosure(
            String keyRef,
            String entity,
            String reference,
            String fields,
            @Nullable Purpose purpose) {}

    /**
     * An audited disclosure of values the core zone keeps in its own records (core banking's contact lookup): exactly
     * one {@value #DISCLOSE} record per call, written before anything is returned, with the outcome {@code ok},
     * {@code refused} ({@code problems} found by the caller, a purpose that justifies no decrypt, an unknown subject,
     * a {@link DisclosureRefusedException} from {@code read}), {@code shredded} (the subject's data key was erased,
     * or {@code read} found the record erased) or {@code failed}. The subject's data key must exist and be live,
     * so a customer whose erasure has shredded the key but not yet emptied the records is already gone here.
     *
     * @throws PiiRequestRefusedException the problems, plus the purpose's if it justifies no decrypt
     * @throws AuditUnavailableException  the audit record could not be written; nothing is returned
     */
    public <T> T disclose(
            Disclosure what, List<PiiRequestRefusedException.Problem> problems, String onBehalfOf, Supplier<T> read) {
        List<PiiRequestRefusedException.Problem> all = new ArrayList<>(problems);
        boolean purposeFlagged = all.stream().anyMatch(p -> p.field().equals("purpose"));
        if (!purposeFlagged && (what.purpose() == null || !what.purpose().justifiesDecrypt())) {
            all.add(new PiiRequestRefusedException.Problem("purpose", "must be one of " + Purpose.forDecrypt()));
        }
        if (!all.isEmpty()) {
            disclosed(what, onBehalfOf, REFUSED, null);
            throw new PiiRequestRefusedException(all);
        }
        T value;
        try {
            keys.forDecryption(what.keyRef());
            value = read.get();
        } catch (KeyShreddedException | SubjectErasedException e) {
            disclosed(what, onBehalfOf, SHREDDED, e);
            throw e;
        } catch (UnknownSubjectException | DisclosureRefusedException | PiiRequestRefusedException e) {
            disclosed(what, onBehalfOf, REFUSED, e);
            throw e;
        } catch (RuntimeException e) {
            disclosed(what, onBehalfOf, FAILED, e);
            throw e;
        }
        disclosed(what, onBehalfOf, OK, null);
        return value;
    }

    private void disclosed(Disclosure what, String onBehalfOf, String outcome, @Nullable RuntimeException error) {
        try {
            record(
                    DISCLOSE,
                    what.keyRef(),
                    what.entity(),
                    what.reference(),
                    what.fields(),
                    onBehalfOf,
                    what.purpose(),
                    outcome);
        } catch (AuditUnavailableException e) {
            if (error != null) {
                e.addSuppressed(error);
            }
            throw e;
        }
    }

    /** Crypto-shreds one customer (right to erasure); see {@link #erase(String, String, Purpose, Runnable)}. */
    public void erase(String keyRef, String onBehalfOf, Purpose purpose) {
        erase(keyRef, onBehalfOf, purpose, () -> {});
    }

    /**
     * Crypto-shreds one customer and, with {@code alsoErase}, removes their plaintext copies the caller holds (the
     * core-zone records). The intent is audited first ({@code requested}: if that fails nothing is erased), the
     * outcome after ({@code ok}, or {@code failed} and the error rethrown).
     *
     * @param purpose null when the caller gave none or an unknown one
     * @throws PiiRequestRefusedException the purpose is missing or does not justify an erasure (audited as refused)
     */
    public void erase(String keyRef, String onBehalfOf, @Nullable Purpose purpose, Runnable alsoErase) {
        CiphertextFormat.checkKeyRef(keyRef);
        if (purpose == null || !purpose.justifiesErasure()) {
            record("pii.erase", keyRef, "customer", keyRef, "*", onBehalfOf, purpose, REFUSED);
            throw new PiiRequestRefusedException(List.of(
                    new PiiRequestRefusedException.Problem("purpose", "must be one of " + Purpose.forErasure())));
        }
        record("pii.erase", keyRef, "customer", keyRef, "*", onBehalfOf, purpose, REQUESTED);
        try {
            keys.erase(keyRef);
            alsoErase.run();
        } catch (RuntimeException e) {
            try {
                record("pii.erase", keyRef, "customer", keyRef, "*", onBehalfOf, purpose, FAILED);
            } catch (AuditUnavailableException auditDown) {
                e.addSuppressed(auditDown);
            }
            throw e;
        }
        record("pii.erase", keyRef, "customer", keyRef, "*", onBehalfOf, purpose, OK);
    }

    /** Audits a refused or failed attempt; an audit outage replaces the error (the caller must see "unavailable"). */
    private void audited(
            RuntimeException error,
            String action,
            String keyRef,
            FieldContext context,
            String onBehalfOf,
            @Nullable Purpose purpose,
            String outcome) {
        try {
            record(action, keyRef, context.entity(), context.recordId(), context.field(), onBehalfOf, purpose, outcome);
        } catch (AuditUnavailableException e) {
            e.addSuppressed(error);
            throw e;
        }
    }

    private void record(
            String action,
            String keyRef,
            String entity,
            String recordId,
            String field,
            String onBehalfOf,
            @Nullable Purpose purpose,
            String outcome) {
        try {
            audit.record(new AuditRecord(
                    clock.instant(),
                    credentials.principal(),
                    onBehalfOf,
                    action,
                    keyRef,
                    entity,
                    recordId,
                    field,
                    purpose == null ? NONE : purpose.name(),
                    outcome));
        } catch (RuntimeException e) {
            throw new AuditUnavailableException(e);
        }
    }

    private static String part(String name, @Nullable String value, List<PiiRequestRefusedException.Problem> problems) {
        if (!FieldContext.isValidPart(value)) {
            problems.add(new PiiRequestRefusedException.Problem(name, "must be 1-128 chars of [A-Za-z0-9_.:-]"));
            return NONE;
        }
        return value;
    }
}
