package io.cdp.pii.crypto;

import io.cdp.events.pii.Ciphertext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Encrypts single PII fields with AES-256-GCM (Tink) under the subject's data key, binding the
 * {@link FieldContext} as associated data. Encryption only: the decrypt path is {@link PiiDecryptor},
 * which needs core-zone credentials. Steady state costs no KMS call (keys come from the cache).
 */
public final class FieldEncryptor {

    private final SubjectKeys keys;

    public FieldEncryptor(SubjectKeys keys) {
        this.keys = keys;
    }

    /**
     * @param keyRef  the subject's key reference (the customer token's value): erasing it shreds this field
     * @param context entity, record and field the value belongs to
     */
    public Ciphertext encrypt(String keyRef, FieldContext context, String plaintext) {
        CiphertextFormat.checkKeyRef(keyRef);
        try {
            byte[] sealed = keys.forEncryption(keyRef)
                    .encrypt(
                            plaintext.getBytes(StandardCharsets.UTF_8),
                            context.associatedData(CiphertextFormat.VERSION, keyRef));
            return CiphertextFormat.format(keyRef, sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "AES-GCM encryption failed for " + context.entity() + "." + context.field(), e);
        }
    }

    /** The key reference a ciphertext was made under (not secret): which customer it belongs to. */
    public static String keyRefOf(Ciphertext ciphertext) {
        return CiphertextFormat.parse(ciphertext).keyRef();
    }

    /** Core-zone decryption, reached only through {@link PiiDecryptor}. */
    static String decrypt(SubjectKeys keys, Ciphertext ciphertext, FieldContext context) {
        CiphertextFormat.Parts parts = CiphertextFormat.parse(ciphertext);
        try {
            byte[] plain = keys.forDecryption(parts.keyRef())
                    .decrypt(parts.sealed(), context.associatedData(CiphertextFormat.VERSION, parts.keyRef()));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new UnreadableCiphertextException(
                    "ciphertext does not authenticate for " + context.entity() + "." + context.field() + " of record "
                            + context.recordId() + " (tampered, or copied from another record or field)");
        }
    }
}
