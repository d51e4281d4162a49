package io.cdp.core.loading;

import io.cdp.core.tabformer.RowException;
import io.cdp.core.tabformer.TabFormerParser;
import io.cdp.features.csv.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads a directory of TabFormer files (users, cards, transactions, found by name) into a {@link LoadSink}.
 * A bad row goes to the {@link RejectReport} with its file and line number and the load goes on; a file
 * whose header lacks a column is rejected as a whole (line 1). Progress goes to {@code progress} every
 * few seconds on long loads.
 */
public final class TabFormerLoader {

    public record Summary(long users, long cards, long transactions, long rejected) {
        public String line() {
            return "loaded users=" + users + " cards=" + cards + " transactions=" + transactions + " rejected="
                    + rejected;
        }
    }

    public record Files3(Path users, Path cards, List<Path> transactions) {

        /** Users: a name with "user"; cards: with "card"; transactions: every other .csv. */
        public static Files3 find(Path dir) {
            try (Stream<Path> list = Files.list(dir)) {
                List<Path> csv = list.filter(p -> p.getFileName()
                                .toString()
                                .toLowerCase(Locale.ROOT)
                                .endsWith(".csv"))
                        .sorted()
                        .toList();
                Path users = csv.stream()
                        .filter(p -> name(p).contains("user") && !name(p).contains("transaction"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no users file (*user*.csv) in " + dir));
                Path cards = csv.stream()
                        .filter(p -> name(p).contains("card") && !name(p).contains("transaction"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no cards file (*card*.csv) in " + dir));
                List<Path> transactions = csv.stream()
                        .filter(p -> !p.equals(users) && !p.equals(cards))
                        .toList();
                if (transactions.isEmpty()) {
                    throw new IllegalArgumentException("no transactions file in " + dir);
                }
                return new Files3(users, cards, transactions);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }

        private static String name(Path p) {
            return p.getFileName().toString().toLowerCase(Locale.ROOT);
        }
    }

    private enum Kind {
        USERS,
        CARDS,
        TRANSACTIONS
    }

    private final LoadSink sink;
    private final RejectReport rejects;
    private final PrintStream progress;
    private final long progressEveryNanos;

    public TabFormerLoader(LoadSink sink, RejectReport rejects, PrintStream progress) {
        this.sink = sink;
        this.rejects = rejects;
        this.progress = progress;
        this.progressEveryNanos = 3_000_000_000L;
    }

    public Summary load(Files3 files) {
        long users = loadFile(files.users(), Kind.USERS);
        long cards = loadFile(files.cards(), Kind.CARDS);
        long transactions = 0;
        for (Path file : files.transactions()) {
            transactions += loadFile(file, Kind.TRANSACTIONS);
        }
        sink.flush();
        return new Summary(users, cards, transactions, rejects.count());
    }

    private long loadFile(Path file, Kind kind) {
        String name = file.getFileName().toString();
        long loaded = 0;
        long started = System.nanoTime();
        long lastReport = started;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                rejects.reject(name, 1, "file is empty");
                return 0;
            }
            if (!headerLine.isEmpty() && headerLine.charAt(0) == '\uFEFF') {
                headerLine = headerLine.substring(1);
            }
            TabFormerParser parser;
            try {
                List<String> header = Csv.split(headerLine);
                parser = switch (kind) {
                    case USERS -> TabFormerParser.users(header);
                    case CARDS -> TabFormerParser.cards(header);
                    case TRANSACTIONS -> TabFormerParser.transactions(header);
                };
            } catch (RowException e) {
                rejects.reject(name, 1, e.getMessage());
                return 0;
            }
            long lineNumber = 1;
            long dataRow = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                long row = dataRow++;
                List<String> fields = null;
                try {
                    fields = Csv.split(line);
                    if (fields == null) {
                        throw new RowException("unbalanced quotes");
                    }
                    switch (kind) {
                        case USERS -> sink.customer(parser.customer(fields, row));
                        case CARDS -> sink.card(parser.card(fields));
                        case TRANSACTIONS -> sink.transaction(parser.transaction(fields));
                    }
                    loaded++;
                } catch (RowException e) {
                    List<String> values = fields == null ? List.of(line.split(",")) : fields;
                    rejects.rejectRow(name, lineNumber, String.valueOf(e.getMessage()), values);
                }
                long now = System.nanoTime();
                if (now - lastReport > progressEveryNanos) {
                    lastReport = now;
                    progress.printf(
                            "load: %s %,d rows (%,.0f rows/s), %d rejected%n",
                            name, loaded, loaded / ((now - started) / 1e9), rejects.count());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return loaded;
    }
}
