package io.cdp.alerting.answers;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads YES or NO from a free-text SMS reply: the first word, case and punctuation ignored, with small typos (one
 * letter off from YES; a few common forms of NO). Anything else (HELP, STOP, a question) is not an answer: STOP and
 * HELP are End User Messaging's keywords and handled there.
 */
public final class ReplyParser {

    private static final Set<String> YES_WORDS = Set.of("Y", "YES", "YEP", "YEAH", "YA", "YUP", "SI", "SÍ", "OK");
    private static final Set<String> NO_WORDS = Set.of("N", "NO", "NOPE", "NAH", "NOO", "NOT", "NON", "NEIN");
    private static final Set<String> KEYWORDS = Set.of("STOP", "HELP", "UNSTOP", "START", "QUIT", "CANCEL");

    private ReplyParser() {}

    public static Optional<Answer> parse(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(reply, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        String[] words = text.split("[^\\p{L}]+");
        String first = "";
        for (String w : words) {
            if (!w.isEmpty()) {
                first = w;
                break;
            }
        }
        if (first.isEmpty() || KEYWORDS.contains(first)) {
            return Optional.empty();
        }
        if (YES_WORDS.contains(first) || (first.length() <= 4 && distance(first, "YES") <= 1)) {
            return Optional.of(Answer.YES);
        }
        if (NO_WORDS.contains(first) || (first.length() == 2 && first.charAt(0) == 'N')) {
            return Optional.of(Answer.NO);
        }
        return Optional.empty();
    }

    /** Damerau-Levenshtein distance (optimal string alignment): a swap of two letters counts as one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
