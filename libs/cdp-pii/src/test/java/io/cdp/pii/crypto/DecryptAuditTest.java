package io.cdp.pii.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.cdp.events.pii.Ciphertext;
import io.cdp.pii.audit.AuditLog;
import io.cdp.pii.audit.AuditRecord;
import io.cdp.pii.audit.AuditUnavailableException;
import io.cdp.pii.audit.Purpose;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit contract of {@link PiiDecryptor}: every attempt audited before the answer, purposes from a fixed list. */
class DecryptAuditTest {

    private static final String ALICE = "cus_aliceAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final CoreZoneCredentials CORE =
            CoreZoneCredentials.fromConfiguration("core", "audit-test", Set.of("pii:decrypt"));

    private final FakeKeyWrapper wrapper = new FakeKeyWrapper();
    private final InMemoryDataKeyStore store = new InMemoryDataKeyStore();
    private final SubjectKeys keys =
            new SubjectKeys(wrapper, store, new DataKeyCache(DataKeyCache.Limits.DEFAULT), Clock.systemUTC());
    private final List<AuditRecord> audit = new ArrayList<>();
    private final PiiDecryptor decryptor = new PiiDecryptor(CORE, keys, audit::add, Clock.systemUTC());
    private final Ciphertext alice =
            new FieldEncryptor(keys).encrypt(ALICE, new FieldContext("customer", ALICE, "name"), "Alice Example");

    private PiiDecryptor.DecryptRequest request(String ciphertext, String field, String purpose) {
        return new PiiDecryptor.DecryptRequest(ciphertext, "customer", ALICE, field, purpose);
    }

    @Test
    void aValidRequestIsAuditedOkWithItsPurpose() {
        assertThat(decryptor.decrypt(request(alice.value(), "name", "FRAUD_INVESTIGATION"), "op-1"))
                .isEqualTo("Alice Example");
        assertThat(audit)
                .extracting(AuditRecord::action, AuditRecord::keyRef, AuditRecord::purpose, AuditRecord::outcome)
                .containsExactly(tuple("pii.decrypt", ALICE, "FRAUD_INVESTIGATION", "ok"));
    }

    @Test
    void blankUnknownOrErasureOnlyPurposesAreRefusedAndAudited() {
        for (String purpose : new String[] {"", "  ", "fraud", "fraud_investigation", "ERASURE_REQUEST", null}) {
            assertThatThrownBy(() -> decryptor.decrypt(request(alice.value(), "name", purpose), "op"))
                    .isInstanceOfSatisfying(
                            PiiRequestRefusedException.class,
                            e -> assertThat(e.problems())
                                    .extracting(PiiRequestRefusedException.Problem::field)
                                    .containsExactly("purpose"));
        }
        assertThat(audit).hasSize(6).allSatisfy(r -> assertThat(r.outcome()).isEqualTo("refused"));
        assertThat(audit.get(4).purpose()).isEqualTo("ERASURE_REQUEST");
        assertThat(audit.get(2).purpose()).isEqualTo("-");
    }

    @Test
    void malformedCiphertextAndContextAreRefusedFieldByFieldAndAuditedWithoutTheirValues() {
        assertThatThrownBy(() -> decryptor.decrypt(
                        new PiiDecryptor.DecryptRequest("Alice Example", "customer", "a|b", "", "CUSTOMER_CONTACT"),
                        "op"))
                .isInstanceOfSatisfying(
                        PiiRequestRefusedException.class,
                        e -> assertThat(e.problems())
                                .extracting(PiiRequestRefusedException.Problem::field)
                                .containsExactly("ciphertext", "recordId", "field"));
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("refused");
            assertThat(List.of(r.keyRef(), r.recordId(), r.field())).containsOnly("-");
            assertThat(r.toString()).doesNotContain("Alice");
        });
    }

    @Test
    void aContextTheCiphertextDoesNotBelongToAndAnUnknownSubjectAreRefused() {
        assertThatThrownBy(() -> decryptor.decrypt(request(alice.value(), "email", "CUSTOMER_CONTACT"), "op"))
                .isInstanceOf(UnreadableCiphertextException.class);
        String unknown = alice.value().replace(ALICE, "cus_nobody");
        assertThatThrownBy(() -> decryptor.decrypt(
                        new PiiDecryptor.DecryptRequest(unknown, "customer", "cus_nobody", "name", "CUSTOMER_CONTACT"),
                        "op"))
                .isInstanceOf(UnknownSubjectException.class);
        assertThat(audit)
                .extracting(AuditRecord::keyRef, AuditRecord::field, AuditRecord::outcome)
                .containsExactly(tuple(ALICE, "email", "refused"), tuple("cus_nobody", "name", "refused"));
    }

    @Test
    void aKeyStoreOrKmsFailureIsAuditedAsFailedNotOk() {
        // a fresh process whose KMS cannot unwrap the stored key
        wrapper.forgetMaster("master-1");
        PiiDecryptor failing = new PiiDecryptor(
                CORE,
                new SubjectKeys(wrapper, store, new DataKeyCache(DataKeyCache.Limits.DEFAULT), Clock.systemUTC()),
                audit::add,
                Clock.systemUTC());
        assertThatThrownBy(() -> failing.decrypt(request(alice.value(), "name", "CUSTOMER_CONTACT"), "op"))
                .isNotInstanceOf(UnreadableCiphertextException.class);
        assertThat(audit).extracting(AuditRecord::outcome).containsExactly("failed");
    }

    @Test
    void withoutAnAuditTrailNeitherPlaintextNorTheRefusalIsAnswered() {
        AuditLog down = r -> {
            throw new IllegalStateException("audit table down");
        };
        PiiDecryptor blind = new PiiDecryptor(CORE, keys, down, Clock.systemUTC());
        assertThatThrownBy(() -> blind.decrypt(request(alice.value(), "name", "CUSTOMER_CONTACT"), "op"))
                .isInstanceOf(AuditUnavailableException.class)
                .hasMessageNotContaining("Alice");
        assertThatThrownBy(() -> blind.decrypt(request(alice.value(), "name", "nope"), "op"))
                .isInstanceOf(AuditUnavailableException.class);
        assertThatThrownBy(() -> blind.decrypt(request(alice.value(), "email", "CUSTOMER_CONTACT"), "op"))
                .isInstanceOf(AuditUnavailableException.class);
    }

    @Test
    void erasureIsAuditedAsIntentBeforeItTouchesTheKeyAndItsOutcomeAfter() {
        List<String> seen = new ArrayList<>();
        AuditLog watching = r -> {
            seen.add(r.outcome() + ":" + (store.find(ALICE).orElseThrow().erased() ? "erased" : "active"));
        };
        new PiiDecryptor(CORE, keys, watching, Clock.systemUTC())
                .erase(ALICE, "dpo", Purpose.ERASURE_REQUEST, () -> seen.add("core-zone copies"));
        assertThat(seen).containsExactly("requested:active", "core-zone copies", "ok:erased");
    }

    @Test
    void anErasureWhoseIntentCannotBeAuditedErasesNothing() {
        PiiDecryptor blind = new PiiDecryptor(
                CORE,
                keys,
                r -> {
                    throw new IllegalStateException("audit table down");
                },
                Clock.systemUTC());
        assertThatThrownBy(() -> blind.erase(ALICE, "dpo", Purpose.ERASURE_REQUEST))
                .isInstanceOf(AuditUnavailableException.class);
        assertThat(store.find(ALICE).orElseThrow().erased()).isFalse();
    }

    @Test
    void aFailedErasureIsAuditedAsFailedAndOnlyForAnErasurePurpose() {
        assertThatThrownBy(() -> decryptor.erase(ALICE, "dpo", Purpose.ERASURE_REQUEST, () -> {
                    throw new IllegalStateException("core table unreachable");
                }))
                .hasMessage("core table unreachable");
        assertThatThrownBy(() -> decryptor.erase(ALICE, "dpo", Purpose.CUSTOMER_CONTACT))
                .isInstanceOf(PiiRequestRefusedException.class);
        assertThat(audit)
                .extracting(AuditRecord::action, AuditRecord::outcome)
                .containsExactly(
                        tuple("pii.erase", "requested"), tuple("pii.erase", "failed"), tuple("pii.erase", "refused"));
    }
}
