package io.cdp.aws.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.KmsKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

@AwsEmulatorTest
class KmsIT {

    private final KmsClient kms;
    private final CdpResources names;

    KmsIT(AwsClients clients, CdpResources names) {
        this.kms = clients.kms();
        this.names = names;
    }

    @Test
    void dataKeyDecryptsOnlyUnderTheSameEncryptionContext() {
        Map<String, String> context = Map.of("entity", "customer", "id", "cus_abc");
        var dataKey = kms.generateDataKey(b ->
                b.keyId(names.keyAlias(KmsKey.PII)).keySpec(DataKeySpec.AES_256).encryptionContext(context));
        assertThat(dataKey.plaintext().asByteArray()).hasSize(32);

        var decrypted =
                kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob()).encryptionContext(context));
        assertThat(decrypted.plaintext()).isEqualTo(dataKey.plaintext());

        assertThatThrownBy(() -> kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())
                        .encryptionContext(Map.of("entity", "customer", "id", "cus_other"))))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void tokenKeyWrapsTokenizationDataKeysUnderTheirVersion() {
        // the token key no longer computes MACs itself: it wraps the versioned tokenization keys (ADR 0010)
        Map<String, String> context = Map.of("purpose", "cdp-token-key", "version", "1");
        var dataKey = kms.generateDataKey(b -> b.keyId(names.keyAlias(KmsKey.TOKEN))
                .keySpec(DataKeySpec.AES_256)
                .encryptionContext(context));
        assertThat(kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob()).encryptionContext(context))
                        .plaintext())
                .isEqualTo(dataKey.plaintext());
        assertThatThrownBy(() -> kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())
                        .encryptionContext(Map.of("purpose", "cdp-token-key", "version", "2"))))
                .isInstanceOf(InvalidCiphertextException.class);
    }
}
