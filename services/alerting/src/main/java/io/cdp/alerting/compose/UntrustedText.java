package io.cdp.alerting.compose;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Untrusted text (merchant cities come from the card network and can carry anything, prompt injections included). A
 * value is shown to the customer only when it looks like a plain place name; it reaches the model only delimited, as
 * data, with the characters that could close the delimiter or open a placeholder removed.
 */
public final class UntrustedText {

    /** Letters (any script), spaces, hyphens, dots and apostrophes; at most 4 words and 40 characters. */
    private static final Pattern PLACE_NAME = Pattern.compile("^\\p{L}[\\p{L} .'-]{0,39}$");

    private UntrustedText() {}

    public static boolean isPlainPlaceName(@Nullable String value) {
        return value != null
                && PLACE_NAME.matcher(value.strip()).matches()
                && value.strip().split("\\s+").length <= 4;
    }

    /** For the prompt's data block: no markup, no braces, no control characters, bounded length. */
    public static String asData(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String cleaned = value.replaceAll("[<>{}\\p{Cntrl}\"\\\\`]", " ").strip();
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
