package io.cdp.events.pii;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A deterministic, keyed token of an identifier (customer id, card number). The CDP zone joins on tokens
 * and never sees the identifier. The constructor refuses anything that is not token-shaped, so an id or
 * a card number cannot be put where a token belongs by mistake.
 */
public record Token(String value) {

    /**
     * The shape, as in {@code common.v1.json}'s {@code token} definition (a test keeps the two equal); a constant so
     * request validation ({@code @Pattern(regexp = Token.PATTERN)}) uses this very text.
     */
    public static final String PATTERN = "^[a-z]{3}_[A-Za-z0-9_-]{16,86}$";

    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    public Token {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a token: expected '<3-letter kind>_<base64url, 16-86 chars>'"
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
