package io.cdp.pii.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.events.pii.Ciphertext;
import io.cdp.pii.audit.AuditRecord;
import io.cdp.pii.audit.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FieldEncryptionTest {

    private static final String ALICE = "cus_aliceAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final String BOB = "cus_bobBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

    private FakeKeyWrapper wrapper;
    private InMemoryDataKeyStore store;
    private SubjectKeys keys;
    private FieldEncryptor encryptor;
    private List<AuditRecord> audit;
    private PiiDecryptor decryptor;

    @BeforeEach
    void setUp() {
        wrapper = new FakeKeyWrapper();
        store = new InMemoryDataKeyStore();
        keys = new SubjectKeys(wrapper, store, new DataKeyCache(DataKeyCache.Limits.DEFAULT), Clock.systemUTC());
        encryptor = new FieldEncryptor(keys);
        audit = new ArrayList<>();
        decryptor = new PiiDecryptor(
                CoreZoneCredentials.fromConfiguration("core", "core-banking", Set.of("pii:decrypt")),
                keys,
                audit::add,
                Clock.systemUTC());
    }

    private static FieldContext name(String record) {
        return new FieldContext("customer", record, "name");
    }

    @Test
    void encryptsToVersionedFormatAndDecryptsBack() {
        Ciphertext ct = encryptor.encrypt(ALICE, name(ALICE), "Alice Example");
        assertThat(ct.value()).startsWith("ct1." + ALICE + ".").doesNotContain("Alice Example");
        assertThat(ct.formatVersion()).isEqualTo(1);
        assertThat(decryptor.decrypt(ct, name(ALICE), "op-1", Purpose.CUSTOMER_CONTACT))
                .isEqualTo("Alice Example");
    }

    @Test
    void sameValueEncryptsDifferentlyEachTime() {
        assertThat(encryptor.encrypt(ALICE, name(ALICE), "x")).isNotEqualTo(encryptor.encrypt(ALICE, name(ALICE), "x"));
    }

    @Test
    void ciphertextCopiedToAnotherFieldOrRecordDoesNotDecrypt() {
        Ciphertext ct = encryptor.encrypt(ALICE, name(ALICE), "Alice Example");
        assertThatThrownBy(() -> decryptor.decrypt(
                        ct, new FieldContext("customer", ALICE, "address"), "op", Purpose.CUSTOMER_CONTACT))
                .isInstanceOf(UnreadableCiphertextException.class)
                .hasMessageNotContaining("Alice");
        assertThatThrownBy(() -> decryptor.decrypt(ct, name(BOB), "op", Purpose.CUSTOMER_CONTACT))
                .isInstanceOf(UnreadableCiphertextException.class);
    }

    @Test
    void tamperedCiphertextDoesNotDecrypt() {
        String value = encryptor.encrypt(ALICE, name(ALICE), "Alice Example").value();
        char last = value.charAt(value.length() - 2);
        Ciphertext tampered = new Ciphertext(
                value.substring(0, value.length() - 2) + (last == 'A' ? 'B' : 'A') + value.charAt(value.length() - 1));
        assertThatThrownBy(() -> decryptor.decrypt(tampered, name(ALICE), "op", Purpose.CUSTOMER_CONTACT))
                .isInstanceOf(UnreadableCiphertextException.class);
    }

    @Test
    void erasingOneCustomerShredsOnlyTheirCiphertexts() {
        Ciphertext alice = encryptor.encrypt(ALICE, name(ALICE), "Alice Example");
        Ciphertext bob = encryptor.encrypt(BOB, name(BOB), "Bob Example");
        decryptor.erase(ALICE, "dpo", Purpose.ERASURE_REQUEST);
        assertThatThrownBy(() -> decryptor.decrypt(alice, name(ALICE), "op", Purpose.CUSTOMER_CONTACT))
                .isInstanceOf(KeyShreddedException.class);
        assertThat(decryptor.decrypt(bob, name(BOB), "op", Purpose.CUSTOMER_CONTACT))
                .isEqualTo("Bob Example");
        assertThatThrownBy(() -> encryptor.encrypt(ALICE, name(ALICE), "again"))
                .isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void everyDecryptAndErasureIsAuditedWithOutcome() {
        Ciphertext alice = encryptor.encrypt(ALICE, name(ALICE), "Alice Example");
        decryptor.decrypt(alice, name(ALICE), "op-7", Purpose.FRAUD_ALERT_DELIVERY);
        decryptor.erase(ALICE, "dpo", Purpose.ERASURE_REQUEST);
        assertThatThrownBy(() -> decryptor.decrypt(alice, name(ALICE), "op-7", Purpose.FRAUD_ALERT_DELIVERY));
        assertThat(audit)
                .extracting(AuditRecord::action, AuditRecord::outcome, AuditRecord::onBehalfOf)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("pii.decrypt", "ok", "op-7"),
                        org.assertj.core.groups.Tuple.tuple("pii.erase", "requested", "dpo"),
                        org.assertj.core.groups.Tuple.tuple("pii.erase", "ok", "dpo"),
                        org.assertj.core.groups.Tuple.tuple("pii.decrypt", "shredded", "op-7"));
        assertThat(audit.get(0).principal()).isEqualTo("core-banking");
    }

    @Test
    void plaintextIsWithheldWhenTheAuditRecordCannotBeWritten() {
        PiiDecryptor failing = new PiiDecryptor(
                CoreZoneCredentials.fromConfiguration("core", "svc", Set.of("pii:decrypt")),
                keys,
                r -> {
                    throw new IllegalStateException("audit table down");
                },
                Clock.systemUTC());
        Ciphertext alice = encryptor.encrypt(ALICE, name(ALICE), "Alice Example");
        assertThatThrownBy(() -> failing.decrypt(alice, name(ALICE), "op", Purpose.CUSTOMER_CONTACT))
                .isInstanceOf(io.cdp.pii.audit.AuditUnavailableException.class)
                .hasRootCauseMessage("audit table down");
    }

    @Test
    void steadyStateNeedsNoKeyServiceCallsPerField() {
        for (int i = 0; i < 100_000; i++) {
            encryptor.encrypt(i % 2 == 0 ? ALICE : BOB, name(i % 2 == 0 ? ALICE : BOB), "value " + i);
        }
        assertThat(wrapper.generates.get()).isEqualTo(2);
        assertThat(wrapper.unwraps.get()).isZero();
    }

    @Test
    void useAndAgeLimitsSendTheKeyBackToTheKeyService() {
        long[] now = {0};
        SubjectKeys limited = new SubjectKeys(
                wrapper,
                store,
                new DataKeyCache(new DataKeyCache.Limits(10, Duration.ofSeconds(60), 100), () -> now[0]),
                Clock.systemUTC());
        FieldEncryptor enc = new FieldEncryptor(limited);
        for (int i = 0; i < 250; i++) {
            enc.encrypt(ALICE, name(ALICE), "v");
        }
        assertThat(wrapper.generates.get()).isEqualTo(1);
        assertThat(wrapper.unwraps.get()).isEqualTo(2);
        now[0] += Duration.ofSeconds(61).toNanos();
        enc.encrypt(ALICE, name(ALICE), "v");
        assertThat(wrapper.unwraps.get()).isEqualTo(3);
    }

    @Test
    void cacheHoldsAtMostItsCapacity() {
        DataKeyCache cache = new DataKeyCache(new DataKeyCache.Limits(3, Duration.ofMinutes(1), 1000));
        FieldEncryptor enc = new FieldEncryptor(new SubjectKeys(wrapper, store, cache, Clock.systemUTC()));
        for (int i = 0; i < 10; i++) {
            enc.encrypt("cus_subject" + i, name("r" + i), "v");
        }
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void rotationRewrapsKeysAndOldCiphertextsStillDecrypt() {
        Ciphertext alice = encryptor.encrypt(ALICE, name(ALICE), "Alice Example");
        String next = wrapper.addMaster("master-2");
        assertThat(keys.rewrapAll(next)).isEqualTo(1);
        wrapper.forgetMaster("master-1");
        keys.cache().clear();
        assertThat(decryptor.decrypt(alice, name(ALICE), "op", Purpose.CUSTOMER_CONTACT))
                .isEqualTo("Alice Example");
        assertThat(store.find(ALICE).orElseThrow().masterKeyId()).isEqualTo("master-2");
    }
}
