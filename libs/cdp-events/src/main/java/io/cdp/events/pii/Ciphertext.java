package io.cdp.events.pii;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A field encrypted in the core-banking zone, in the versioned CDP ciphertext format
 * ({@code ct<version>.<base64url part>[.<part>...]}). Only the core-banking zone can decrypt it; to anyone
 * else it is opaque bytes. The shape check keeps plaintext from passing as ciphertext.
 */
public record Ciphertext(String value) {

    /**
     * The shape, as in {@code common.v1.json}'s {@code ciphertext} definition (a test keeps the two equal); a constant so
     * request validation ({@code @Pattern(regexp = Ciphertext.PATTERN)}) uses this very text.
     */
    public static final String PATTERN = "^ct[0-9]{1,3}\\.[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$";

    private static final Pattern SHAPE = Pattern.compile(PATTERN);
    private static final int MIN_LENGTH = 24;

    public Ciphertext {
        if (value == null
                || value.length() < MIN_LENGTH
                || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "not a CDP ciphertext: expected 'ct<version>.<base64url>...' of at least " + MIN_LENGTH
                            + " chars (value withheld)");
        }
    }

    @JsonCreator
    public static Ciphertext of(String value) {
        return new Ciphertext(value);
    }

    /** The format version, so readers can refuse formats they do not know. */
    public int formatVersion() {
        return Integer.parseInt(value.substring(2, value.indexOf('.')));
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        // ciphertext is safe to log, but long; the prefix is enough to correlate
        return value.substring(0, Math.min(16, value.length())) + "...";
    }
}
