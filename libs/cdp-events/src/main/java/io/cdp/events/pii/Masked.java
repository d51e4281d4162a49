package io.cdp.events.pii;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A masked value that keeps enough to be useful and too little to identify: a card's last four digits
 * ({@code ****1234}), initials ({@code J.S.}), a zip3 ({@code 917**}) or a band ({@code 30-39},
 * {@code 700+}, {@code <20000}). The constructor accepts only those shapes, so a full name, card number
 * or zip code cannot travel as "masked".
 */
public record Masked(String value) {

    /**
     * The shape, as in {@code common.v1.json}'s {@code masked} definition (a test keeps the two equal); a constant so
     * request validation ({@code @Pattern(regexp = Masked.PATTERN)}) uses this very text.
     */
    public static final String PATTERN =
            "^(\\*{4,15}[0-9]{4}|([A-Z]\\.){1,3}|[0-9]{3}\\*\\*|[0-9]{1,9}-[0-9]{1,9}|[0-9]{1,9}\\+|<[0-9]{1,9}|unknown)$";

    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    public static final Masked UNKNOWN = new Masked("unknown");

    public Masked {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "not a masked value: expected last four ('****1234'), initials ('J.S.'), "
                            + "zip3 ('917**') or a band ('30-39', '700+', '<20000') (value withheld)");
        }
    }

    @JsonCreator
    public static Masked of(String value) {
        return new Masked(value);
    }

    /** {@code ****1234} from the last four digits of a card number. */
    public static Masked last4(String lastFourDigits) {
        return new Masked("****" + lastFourDigits);
    }

    /** A half-open band {@code [lower, upper)} written as {@code lower-(upper-1)}. */
    public static Masked band(long lowerInclusive, long upperExclusive) {
        return new Masked(lowerInclusive + "-" + (upperExclusive - 1));
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
