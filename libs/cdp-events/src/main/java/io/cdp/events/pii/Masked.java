package io.cdp.events.pii;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A masked value that keeps enough to be useful and too little to identify: a card's last four digits behind the mask
 * ({@code ****1234}), initials ({@code J.S.}), a zip3 behind the mask ({@code 917**}) or a band ({@code 30-39},
 * {@code 700+}, {@code <20000}). The constructor accepts only those forms and checks their meaning, so a full name, card
 * number, zip code or date cannot travel as "masked": digits without the mask are refused, and a band must run from a
 * lower to a higher bound at least five wide ({@code 1987-02}, a birth month, and {@code 0917-0918} are refused).
 */
public record Masked(String value) {

    /**
     * The shape, as in {@code common.v1.json}'s {@code masked} definition (a test keeps the two equal); a constant so
     * request validation ({@code @Pattern(regexp = Masked.PATTERN)}) uses this very text. Band bounds have no leading
     * zeros; the order and width of a band are checked in code, which a pattern cannot express.
     */
    public static final String PATTERN =
            "^(\\*{4,15}[0-9]{4}|([A-Z]\\.){1,3}|[0-9]{3}\\*\\*|(0|[1-9][0-9]{0,8})-[1-9][0-9]{0,8}|[1-9][0-9]{0,8}\\+|<[1-9][0-9]{0,8}|unknown)$";

    /** Narrower bands than this would come close to publishing the value itself. */
    static final long MIN_BAND_WIDTH = 5;

    private static final Pattern SHAPE = Pattern.compile(PATTERN);
    private static final Pattern BAND = Pattern.compile("^([0-9]+)-([0-9]+)$");

    public static final Masked UNKNOWN = new Masked("unknown");

    public Masked {
        if (value == null || !SHAPE.matcher(value).matches() || !bandIsWide(value)) {
            throw new IllegalArgumentException(
                    "not a masked value: expected last four ('****1234'), initials ('J.S.'), "
                            + "zip3 ('917**') or a band ('30-39', '700+', '<20000') (value withheld)");
        }
    }

    private static boolean bandIsWide(String value) {
        var band = BAND.matcher(value);
        if (!band.matches()) {
            return true;
        }
        long lower = Long.parseLong(band.group(1));
        long upper = Long.parseLong(band.group(2));
        return upper - lower + 1 >= MIN_BAND_WIDTH;
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
