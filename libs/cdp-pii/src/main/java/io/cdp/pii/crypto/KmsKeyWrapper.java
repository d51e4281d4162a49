package io.cdp.pii.crypto;

import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/** {@link KeyWrapper} on AWS KMS: GenerateDataKey, Decrypt and ReEncrypt with the key reference as encryption context. */
public final class KmsKeyWrapper implements KeyWrapper {

    static final String CONTEXT_KEY = "cdp:keyRef";

    private final KmsClient kms;
    private final String masterKeyId;

    public KmsKeyWrapper(KmsClient kms, String masterKeyIdOrAlias) {
        this.kms = kms;
        this.masterKeyId = masterKeyIdOrAlias;
    }

    @Override
    public NewDataKey generate(String keyRef) {
        GenerateDataKeyResponse response = kms.generateDataKey(
                b -> b.keyId(masterKeyId).keySpec(DataKeySpec.AES_256).encryptionContext(context(keyRef)));
        return new NewDataKey(
                response.plaintext().asByteArray(), response.ciphertextBlob().asByteArray(), response.keyId());
    }

    @Override
    public byte[] unwrap(String keyRef, byte[] wrapped) {
        return kms.decrypt(
                        b -> b.ciphertextBlob(SdkBytes.fromByteArray(wrapped)).encryptionContext(context(keyRef)))
                .plaintext()
                .asByteArray();
    }

    @Override
    public byte[] rewrap(String keyRef, byte[] wrapped, String newMasterKeyId) {
        return kms.reEncrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                        .sourceEncryptionContext(context(keyRef))
                        .destinationKeyId(newMasterKeyId)
                        .destinationEncryptionContext(context(keyRef)))
                .ciphertextBlob()
                .asByteArray();
    }

    private static Map<String, String> context(String keyRef) {
        return Map.of(CONTEXT_KEY, keyRef);
    }
}
