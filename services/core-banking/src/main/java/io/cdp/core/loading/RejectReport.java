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
