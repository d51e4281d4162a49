package io.cdp.features.csv;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 fields of one line, as {@link java.io.BufferedReader#readLine()} hands it over: quoted fields may hold
 * commas and doubled quotes ({@code "$29,278 "}, {@code "Bad PIN,Insufficient Balance,"}); a CR left at the end of
 * the line (CRLF files split on LF) is dropped. Hand-written rather than a CSV library because every reader here
 * goes line by line and reports a malformed line by its number instead of reading on into the next one.
 */
public final class Csv {

    private Csv() {}

    /** The fields of {@code line}, or null when a quote is left open (a malformed line). */
    public static @Nullable List<String> split(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        List<String> fields = new ArrayList<>(16);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < end && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }

    /** The fields of {@code line}; a quote left open is an {@link IllegalArgumentException}. */
    public static List<String> splitStrict(String line) {
        List<String> fields = split(line);
        if (fields == null) {
            throw new IllegalArgumentException("unbalanced quotes");
        }
        return fields;
    }
}
