package io.cdp.pii.mask;

import io.cdp.events.pii.Masked;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reduces personal values to masked forms that analytics can use and nobody can re-identify from: card
 * last four, name initials, zip3, and coarse bands for age, income and FICO score. Band edges follow the
 * ones credit-risk teams report in (FICO's own ranges; income and age bands as in census tables).
 */
public final class Masking {

    private static final int[] AGE_EDGES = {18, 25, 35, 45, 55, 65};
    private static final long[] INCOME_EDGES = {20_000, 40_000, 60_000, 100_000, 150_000};
    private static final int[] FICO_EDGES = {580, 670, 740, 800};

    private Masking() {}

    /** {@code ****1234}; unknown when fewer than four digits are present. */
    public static Masked cardLast4(@Nullable String cardNumber) {
        String digits = digits(cardNumber);
        return digits.length() < 4 ? Masked.UNKNOWN : Masked.last4(digits.substring(digits.length() - 4));
    }

    /** {@code J.S.} from up to three name parts; accents are folded, other scripts give unknown. */
    public static Masked initials(@Nullable String name) {
        if (name == null) {
            return Masked.UNKNOWN;
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        int parts = 0;
        for (String part : folded.trim().split("[\\s-]+")) {
            if (!part.isEmpty() && part.charAt(0) >= 'A' && part.charAt(0) <= 'Z' && parts < 3) {
                out.append(part.charAt(0)).append('.');
                parts++;
            }
        }
        return parts == 0 ? Masked.UNKNOWN : new Masked(out.toString());
    }

    /**
     * {@code 917**}. Zip codes that lost their leading zero on the way through a spreadsheet or a float
     * ({@code 2134}, {@code 2134.0}) are padded back to five digits first.
     */
    public static Masked zip3(@Nullable String zip) {
        if (zip == null || zip.isBlank()) {
            return Masked.UNKNOWN;
        }
        String z = zip.trim();
        int dot = z.indexOf('.');
        if (dot >= 0) {
            z = z.substring(0, dot);
        }
        if (!z.matches("[0-9]{1,5}")) {
            return Masked.UNKNOWN;
        }
        String five = "0".repeat(5 - z.length()) + z;
        return new Masked(five.substring(0, 3) + "**");
    }

    public static Masked ageBand(int age) {
        if (age < 0) {
            return Masked.UNKNOWN;
        }
        return band(age, AGE_EDGES);
    }

    public static Masked incomeBand(@Nullable BigDecimal yearlyIncome) {
        if (yearlyIncome == null || yearlyIncome.signum() < 0) {
            return Masked.UNKNOWN;
        }
        long income = yearlyIncome.longValue();
        if (income < INCOME_EDGES[0]) {
            return new Masked("<" + INCOME_EDGES[0]);
        }
        for (int i = 1; i < INCOME_EDGES.length; i++) {
            if (income < INCOME_EDGES[i]) {
                return Masked.band(INCOME_EDGES[i - 1], INCOME_EDGES[i]);
            }
        }
        return new Masked(INCOME_EDGES[INCOME_EDGES.length - 1] + "+");
    }

    public static Masked ficoBand(int fico) {
        if (fico < 300 || fico > 850) {
            return Masked.UNKNOWN;
        }
        return band(fico, FICO_EDGES);
    }

    private static Masked band(int value, int[] edges) {
        if (value < edges[0]) {
            return new Masked("<" + edges[0]);
        }
        for (int i = 1; i < edges.length; i++) {
            if (value < edges[i]) {
                return Masked.band(edges[i - 1], edges[i]);
            }
        }
        return new Masked(edges[edges.length - 1] + "+");
    }

    private static String digits(@Nullable String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
