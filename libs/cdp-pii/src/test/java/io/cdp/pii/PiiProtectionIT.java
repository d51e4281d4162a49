package io.cdp.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.events.pii.Ciphertext;
import io.cdp.events.resources.CdpResources;
import io.cdp.pii.audit.DynamoDbAuditLog;
import io.cdp.pii.audit.Purpose;
import io.cdp.pii.crypto.CoreZoneCredentials;
import io.cdp.pii.crypto.DataKeyCache;
import io.cdp.pii.crypto.DataKeyStore;
import io.cdp.pii.crypto.DynamoDbDataKeyStore;
import io.cdp.pii.crypto.FieldContext;
import io.cdp.pii.crypto.KeyShreddedException;
import io.cdp.pii.crypto.KmsCallCounter;
import io.cdp.pii.crypto.PiiDecryptor;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

@AwsEmulatorTest
class PiiProtectionIT {

    private static final CoreZoneCredentials CORE =
            CoreZoneCredentials.fromConfiguration("core", "pii-it", Set.of("pii:decrypt"));

    @Test
    void tokensAreStableAcrossProcessesSharingTheKmsKey(AwsClients clients, CdpResources names) {
        PiiProtection one = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        PiiProtection two = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        assertThat(one.tokenizer().card("4000123412341234"))
                .isEqualTo(two.tokenizer().card("4000123412341234"));
        assertThat(one.tokenizer().customer("1")).isNotEqualTo(one.tokenizer().customer("2"));
    }

    @Test
    void encryptsWithCachedKmsDataKeysAndDecryptsInAnotherProcessWithAudit(AwsClients clients, CdpResources names) {
        KmsCallCounter counter = new KmsCallCounter();
        PiiProtection writer = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, counter);
        String subject = writer.tokenizer().customer("1001").value();
        FieldContext context = new FieldContext("customer", subject, "name");
        counter.reset();
        Ciphertext first = writer.encryptor().encrypt(subject, context, "Hazel Example");
        for (int i = 0; i < 20_000; i++) {
            writer.encryptor().encrypt(subject, context, "Hazel Example " + i);
        }
        assertThat(counter.byOperation()).containsEntry("GenerateDataKey", 1L);
        assertThat(counter.total()).isEqualTo(1);

        PiiProtection reader = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        PiiDecryptor decryptor = reader.decryptor(CORE);
        assertThat(decryptor.decrypt(first, context, "op-1", Purpose.FRAUD_INVESTIGATION))
                .isEqualTo("Hazel Example");
        var history = new DynamoDbAuditLog(clients.dynamoDb(), names.table(CdpResources.Table.AUDIT)).history(subject);
        assertThat(history).hasSize(1);
        assertThat(history.getFirst().get("purpose").s()).isEqualTo("FRAUD_INVESTIGATION");
        assertThat(history.getFirst().get("principal").s()).isEqualTo("pii-it");
        assertThat(history.toString()).doesNotContain("Hazel");
    }

    @Test
    void erasureInTheKeyTableShredsForEveryReader(AwsClients clients, CdpResources names) {
        PiiProtection writer = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        String gone = writer.tokenizer().customer("2001").value();
        String kept = writer.tokenizer().customer("2002").value();
        Ciphertext goneCt =
                writer.encryptor().encrypt(gone, new FieldContext("customer", gone, "address"), "1 Gone Street");
        Ciphertext keptCt =
                writer.encryptor().encrypt(kept, new FieldContext("customer", kept, "address"), "2 Kept Street");
        writer.decryptor(CORE).erase(gone, "dpo", Purpose.ERASURE_REQUEST);

        PiiDecryptor fresh = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null)
                .decryptor(CORE);
        assertThatThrownBy(() -> fresh.decrypt(
                        goneCt, new FieldContext("customer", gone, "address"), "op", Purpose.FRAUD_INVESTIGATION))
                .isInstanceOf(KeyShreddedException.class);
        assertThat(fresh.decrypt(
                        keptCt, new FieldContext("customer", kept, "address"), "op", Purpose.FRAUD_INVESTIGATION))
                .isEqualTo("2 Kept Street");
    }

    @Test
    void rotatingTheMasterKeyRewrapsWithoutReencryptingData(AwsClients clients, CdpResources names) {
        PiiProtection pii = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        String subject = pii.tokenizer().customer("3001").value();
        FieldContext context = new FieldContext("card", subject, "cardNumber");
        Ciphertext ct = pii.encryptor().encrypt(subject, context, "4000123412341234");
        String newMaster = clients.kms()
                .createKey(b -> b.keySpec(KeySpec.SYMMETRIC_DEFAULT).keyUsage(KeyUsageType.ENCRYPT_DECRYPT))
                .keyMetadata()
                .arn();
        assertThat(pii.subjectKeys().rewrapAll(newMaster)).isGreaterThanOrEqualTo(1);
        PiiDecryptor fresh = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null)
                .decryptor(CORE);
        assertThat(fresh.decrypt(ct, context, "op", Purpose.FRAUD_INVESTIGATION))
                .isEqualTo("4000123412341234");
    }

    @Test
    void noWriteToTheKeyItemCanUndoAnErasure(AwsClients clients, CdpResources names) {
        PiiProtection pii = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        String subject = pii.tokenizer().customer("5001").value();
        pii.encryptor().encrypt(subject, new FieldContext("customer", subject, "name"), "Erased Person");
        DynamoDbDataKeyStore store =
                new DynamoDbDataKeyStore(clients.dynamoDb(), names.table(CdpResources.Table.PII_KEYS));
        DataKeyStore.StoredKey active = store.find(subject).orElseThrow();
        pii.decryptor(CORE).erase(subject, "dpo", Purpose.ERASURE_REQUEST);

        // a rotation and a key creation that read the item before the erasure both lose against it
        assertThat(store.replaceWrapped(subject, active.wrapped(), active.masterKeyId()))
                .isFalse();
        assertThat(store.putIfAbsent(active)).isFalse();
        DataKeyStore.StoredKey after = store.find(subject).orElseThrow();
        assertThat(after.erased()).isTrue();
        assertThat(after.wrapped()).isEmpty();
    }
}
