package io.cdp.pii.crypto;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where an encrypted value belongs: the entity, the record (by its token or id) and the field. It is
 * bound into the AEAD tag as associated data, so a ciphertext copied to another record or another field
 * does not decrypt there.
 */
public record FieldContext(String entity, String recordId, String field) {

    private static final Pattern PART = Pattern.compile("^[A-Za-z0-9_.:-]{1,128}$");

    public FieldContext {
        check("entity", entity);
        check("recordId", recordId);
        check("field", field);
    }

    byte[] associatedData(String formatVersion, String keyRef) {
        return (formatVersion + '|' + keyRef + '|' + entity + '|' + recordId + '|' + field)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code value} may be one part of a context (what the constructor accepts). */
    static boolean isValidPart(@Nullable String value) {
        return value != null && PART.matcher(value).matches();
    }

    private static void check(String name, String value) {
        if (!isValidPart(value)) {
            // '|' separates the parts of the associated data, so it must never occur inside one
            throw new IllegalArgumentException("field context " + name + " must be 1-128 chars of [A-Za-z0-9_.:-]");
        }
    }
}
