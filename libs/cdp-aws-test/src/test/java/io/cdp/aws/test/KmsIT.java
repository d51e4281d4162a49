package io.cdp.aws.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.KmsKey;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;

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
    void hmacKeyGivesDeterministicMacsForTokens() {
        SdkBytes message = SdkBytes.fromString("customer-42", StandardCharsets.UTF_8);
        var first = kms.generateMac(b -> b.keyId(names.keyAlias(KmsKey.TOKEN))
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                .message(message));
        var second = kms.generateMac(b -> b.keyId(names.keyAlias(KmsKey.TOKEN))
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                .message(message));
        var other = kms.generateMac(b -> b.keyId(names.keyAlias(KmsKey.TOKEN))
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                .message(SdkBytes.fromString("customer-43", StandardCharsets.UTF_8)));

        assertThat(first.mac()).isEqualTo(second.mac()).isNotEqualTo(other.mac());
        assertThat(first.mac().asByteArray()).hasSize(32);
    }
}
