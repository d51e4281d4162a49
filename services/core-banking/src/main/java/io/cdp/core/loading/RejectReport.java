package io.cdp.core.loading;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows that were not loaded, as JSON lines {@code {"file":..,"line":..,"reason":..}}. Only the file name,
 * the line number and the reason: never the row, which may hold a name, an address or a card number.
 */
public final class RejectReport implements AutoCloseable {

    public record Reject(String file, long line, String reason) {}

    private final List<Reject> rejects = new ArrayList<>();
    private final BufferedWriter out;

    public RejectReport(Path path) {
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reject report", e);
        }
    }

    public synchronized void reject(String file, long line, String reason) {
        Reject r = new Reject(file, line, reason);
        rejects.add(r);
        try {
            out.write("{\"file\":\"" + json(file) + "\",\"line\":" + line + ",\"reason\":\"" + json(reason) + "\"}\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reject report", e);
        }
    }

    /**
     * Rejects a row whose reason came from a parser: if the reason quotes any of the row's values (four characters or
     * more: a name, a card number, a street), it is replaced, so a parser that one day echoes its input still cannot
     * put PII into the report. The line number is enough to find the row in the source file.
     */
    public void rejectRow(String file, long line, String reason, List<String> rowValues) {
        reject(file, line, withoutValues(reason, rowValues));
    }

    static String withoutValues(String reason, List<String> rowValues) {
        for (String value : rowValues) {
            String v = value.strip();
            if (v.length() >= 4 && reason.contains(v)) {
                return "row rejected (reason withheld: it quoted a field value)";
            }
        }
        return reason;
    }

    public synchronized List<Reject> rejects() {
        return List.copyOf(rejects);
    }

    public synchronized int count() {
        return rejects.size();
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
