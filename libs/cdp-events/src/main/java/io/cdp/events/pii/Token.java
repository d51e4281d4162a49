package io.cdp.events.pii;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic, keyed token of an identifier (customer id, card number): exactly what the core zone's tokenizer
 * writes, {@code <kind>_v<key version>_<base64url of a 32-byte HMAC>}, e.g. {@code crd_v1_} followed by 43 characters.
 * The CDP zone joins on tokens and never sees the identifier. The constructor refuses anything else: an unknown kind, a
 * missing key version, a MAC of the wrong length, and any run of twelve or more digits, so neither an id nor a card
 * number ({@code crd_4111111111111111}) can be put where a token belongs, by mistake or on purpose.
 */
public record Token(String value) {

    /**
     * The format, as in {@code common.v1.json}'s {@code token} definition (a test keeps the two equal); a constant so
     * request validation ({@code @Pattern(regexp = Token.PATTERN)}) uses this very text. The look-ahead refuses a
     * twelve-digit run anywhere: a card number (12-19 digits) never fits, and the tokenizer re-derives the rare MAC whose
     * base64url text happens to contain one.
     */
    public static final String PATTERN = "^(?!.*[0-9]{12})(cus|crd|mer|txn)_v[1-9][0-9]{0,2}_[A-Za-z0-9_-]{43}$";

    /** Characters of the base64url MAC (32 bytes, unpadded). */
    public static final int MAC_CHARS = 43;

    private static final Pattern FORMAT = Pattern.compile(PATTERN);
    private static final Pattern PARTS = Pattern.compile("^([a-z]{3})_v([0-9]+)_");

    public Token {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "not a token: expected '<cus|crd|mer|txn>_v<version>_<43 base64url chars>'"
                            + " with no run of 12 digits"
                            + (value == null ? " but was null" : " (value withheld, " + value.length() + " chars)"));
        }
    }

    @JsonCreator
    public static Token of(String value) {
        return new Token(value);
    }

    /** The kind prefix, e.g. {@code cus} or {@code crd}. */
    public String kind() {
        return value.substring(0, 3);
    }

    /** The version of the tokenization key this token was made under (see docs/adr on token key rotation). */
    public int keyVersion() {
        Matcher m = PARTS.matcher(value);
        if (!m.find()) {
            throw new IllegalStateException("token format checked in the constructor");
        }
        return Integer.parseInt(m.group(2));
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
