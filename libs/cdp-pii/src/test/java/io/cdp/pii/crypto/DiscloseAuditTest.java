package io.cdp.pii.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.cdp.pii.audit.AuditRecord;
import io.cdp.pii.audit.AuditUnavailableException;
import io.cdp.pii.audit.Purpose;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link PiiDecryptor#disclose}: exactly one audit record per call, before the values, whatever the outcome. */
class DiscloseAuditTest {

    private static final String ALICE = "cus_aliceAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final String NOBODY = "cus_nobodyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final CoreZoneCredentials CORE =
            CoreZoneCredentials.fromConfiguration("core", "audit-test", Set.of("pii:decrypt"));

    private final InMemoryDataKeyStore store = new InMemoryDataKeyStore();
    private final SubjectKeys keys = new SubjectKeys(
            new FakeKeyWrapper(), store, new DataKeyCache(DataKeyCache.Limits.DEFAULT), Clock.systemUTC());
    private final List<AuditRecord> audit = new ArrayList<>();
    private final PiiDecryptor decryptor = new PiiDecryptor(CORE, keys, audit::add, Clock.systemUTC());
    private final AtomicInteger reads = new AtomicInteger();

    DiscloseAuditTest() {
        new FieldEncryptor(keys).encrypt(ALICE, new FieldContext("customer", ALICE, "name"), "Alice Example");
    }

    private PiiDecryptor.Disclosure what(String keyRef, Purpose purpose) {
        return new PiiDecryptor.Disclosure(keyRef, "customer", "alert-1", "firstName,email", purpose);
    }

    private String read() {
        reads.incrementAndGet();
        return "Alice";
    }

    @Test
    void aDisclosureIsAuditedOnceWithPurposeReferenceAndFieldsButNoValue() {
        assertThat(decryptor.disclose(what(ALICE, Purpose.FRAUD_ALERT_DELIVERY), List.of(), "alerting", this::read))
                .isEqualTo("Alice");
        assertThat(audit)
                .extracting(
                        AuditRecord::action,
                        AuditRecord::keyRef,
                        AuditRecord::recordId,
                        AuditRecord::field,
                        AuditRecord::purpose,
                        AuditRecord::onBehalfOf,
                        AuditRecord::outcome)
                .containsExactly(tuple(
                        "pii.disclose", ALICE, "alert-1", "firstName,email", "FRAUD_ALERT_DELIVERY", "alerting", "ok"));
        assertThat(audit.toString()).doesNotContain("Alice Example").doesNotContain("Alice,");
    }

    @Test
    void problemsAndUnfitPurposesAreRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> decryptor.disclose(
                        what(ALICE, Purpose.FRAUD_ALERT_DELIVERY),
                        List.of(new PiiRequestRefusedException.Problem("reference", "bad")),
                        "alerting",
                        this::read))
                .isInstanceOf(PiiRequestRefusedException.class);
        assertThatThrownBy(() -> decryptor.disclose(what(ALICE, Purpose.ERASURE_REQUEST), List.of(), "x", this::read))
                .isInstanceOfSatisfying(
                        PiiRequestRefusedException.class,
                        e -> assertThat(e.problems())
                                .extracting(PiiRequestRefusedException.Problem::field)
                                .containsExactly("purpose"));
        assertThatThrownBy(() -> decryptor.disclose(what(ALICE, null), List.of(), "x", this::read))
                .isInstanceOf(PiiRequestRefusedException.class);
        assertThat(reads).hasValue(0);
        assertThat(audit)
                .extracting(AuditRecord::purpose, AuditRecord::outcome)
                .containsExactly(
                        tuple("FRAUD_ALERT_DELIVERY", "refused"),
                        tuple("ERASURE_REQUEST", "refused"),
                        tuple("-", "refused"));
    }

    @Test
    void unknownSubjectsAndTheCallersOwnRefusalsAreRefusedErasedSubjectsShreddedFailuresFailed() {
        assertThatThrownBy(() -> decryptor.disclose(what(NOBODY, Purpose.CUSTOMER_CONTACT), List.of(), "x", this::read))
                .isInstanceOf(UnknownSubjectException.class);
        assertThatThrownBy(() -> decryptor.disclose(what(ALICE, Purpose.CUSTOMER_CONTACT), List.of(), "x", () -> {
                    throw new DisclosureRefusedException("not this customer's card");
                }))
                .isInstanceOf(DisclosureRefusedException.class);
        assertThatThrownBy(() -> decryptor.disclose(what(ALICE, Purpose.CUSTOMER_CONTACT), List.of(), "x", () -> {
                    throw new IllegalStateException("table down");
                }))
                .isInstanceOf(IllegalStateException.class);
        keys.erase(ALICE);
        assertThatThrownBy(() -> decryptor.disclose(what(ALICE, Purpose.CUSTOMER_CONTACT), List.of(), "x", this::read))
                .isInstanceOf(KeyShreddedException.class);
        assertThat(reads).as("nothing read for an unknown or erased subject").hasValue(0);
        assertThat(audit)
                .extracting(AuditRecord::keyRef, AuditRecord::outcome)
                .containsExactly(
                        tuple(NOBODY, "refused"),
                        tuple(ALICE, "refused"),
                        tuple(ALICE, "failed"),
                        tuple(ALICE, "shredded"));
    }

    @Test
    void withoutTheAuditTrailNothingIsDisclosed() {
        PiiDecryptor blind = new PiiDecryptor(
                CORE,
                keys,
                r -> {
                    throw new IllegalStateException("audit table down");
                },
                Clock.systemUTC());
        assertThatThrownBy(() -> blind.disclose(what(ALICE, Purpose.CUSTOMER_CONTACT), List.of(), "x", this::read))
                .isInstanceOf(AuditUnavailableException.class);
    }
}
