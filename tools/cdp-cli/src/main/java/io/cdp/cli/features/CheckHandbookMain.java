package io.cdp.cli.features;

import io.cdp.features.handbook.HandbookCsv;
import io.cdp.features.handbook.HandbookFeatures;
import io.cdp.features.handbook.HandbookTransaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./cdp features check-handbook --data DIR}: recomputes the handbook's 15 features for every day in
 * {@code DIR/handbook-transformed/} from the raw days in {@code DIR/handbook-raw/} (37 days back, for the 30-day
 * terminal window behind the 7-day delay), matches rows by TRANSACTION_ID and prints the largest absolute difference
 * per column. Exit status 0 only when every difference is within the tolerance.
 */
public final class CheckHandbookMain {

    static final double TOLERANCE = 1e-6;
    static final int LOOKBACK_DAYS = 30 + HandbookFeatures.DELAY_DAYS;

    private CheckHandbookMain() {}

    public static void main(String[] args) {
        int rc;
        try {
            rc = run(args, System.out, System.err);
        } catch (IOException e) {
            System.err.println("check-handbook: " + describe(e));
            rc = 2;
        }
        System.exit(rc);
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path data = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data") && i + 1 < args.length) {
                data = Path.of(args[++i]);
            } else if (args[i].startsWith("--data=")) {
                data = Path.of(args[i].substring("--data=".length()));
            } else {
                err.println("usage: check-handbook --data DIR   (DIR holds handbook-raw/ and handbook-transformed/)");
                return 64;
            }
        }
        if (data == null) {
            err.println("usage: check-handbook --data DIR   (DIR holds handbook-raw/ and handbook-transformed/)");
            return 64;
        }
        Path raw = data.resolve("handbook-raw");
        Path transformed = data.resolve("handbook-transformed");
        for (Path p : List.of(data, raw, transformed)) {
            if (!Files.isDirectory(p)) {
                err.println("check-handbook: missing data directory "
                        + p.toAbsolutePath().normalize());
                return 2;
            }
        }
        List<Path> days;
        try (Stream<Path> s = Files.list(transformed)) {
            days = s.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.csv"))
                    .sorted()
                    .toList();
        }
        if (days.isEmpty()) {
            err.println("check-handbook: no YYYY-MM-DD.csv files in "
                    + transformed.toAbsolutePath().normalize());
            return 2;
        }
        LocalDate first = dayOf(days.getFirst());
        LocalDate last = dayOf(days.getLast());

        long started = System.nanoTime();
        List<HandbookTransaction> txs = HandbookCsv.readDays(raw, first.minusDays(LOOKBACK_DAYS), last);
        long read = System.nanoTime();
        double[][] rows = HandbookFeatures.compute(txs);
        long computed = System.nanoTime();
        Map<Long, Integer> byId = new HashMap<>(txs.size() * 2);
        for (int i = 0; i < txs.size(); i++) {
            byId.put(txs.get(i).transactionId(), i);
        }

        List<String> names = HandbookFeatures.NAMES;
        double[] maxDiff = new double[names.size()];
        long[] compared = new long[names.size()];
        long missing = 0;
        for (Path day : days) {
            missing += compareDay(day, names, rows, byId, maxDiff, compared, err);
        }

        out.printf(
                Locale.ROOT,
                "handbook features: %d raw transactions %s..%s read in %.1f s, features computed in %.2f s%n",
                txs.size(),
                first.minusDays(LOOKBACK_DAYS),
                last,
                (read - started) / 1e9,
                (computed - read) / 1e9);
        out.printf(
                Locale.ROOT,
                "reference: %s (%d days)%n",
                String.join(
                        ", ", days.stream().map(p -> p.getFileName().toString()).toList()),
                days.size());
        out.printf(Locale.ROOT, "%-36s %14s %14s%n", "column", "max abs diff", "rows compared");
        double overall = 0;
        for (int c = 0; c < names.size(); c++) {
            out.printf(Locale.ROOT, "%-36s %14.3e %14d%n", names.get(c), maxDiff[c], compared[c]);
            overall = Math.max(overall, maxDiff[c]);
        }
        if (missing > 0) {
            out.printf(Locale.ROOT, "reference rows without a computed transaction: %d%n", missing);
            overall = Double.POSITIVE_INFINITY;
        }
        out.printf(Locale.ROOT, "tolerance=%s result=%s%n", TOLERANCE, overall <= TOLERANCE ? "PASS" : "FAIL");
        out.println("max_abs_diff=" + overall);
        return overall <= TOLERANCE ? 0 : 1;
    }

    private static long compareDay(
            Path day,
            List<String> names,
            double[][] rows,
            Map<Long, Integer> byId,
            double[] maxDiff,
            long[] compared,
            PrintStream err)
            throws IOException {
        long missing = 0;
        try (BufferedReader r = Files.newBufferedReader(day, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IOException(day + ": empty file");
            }
            List<String> cols = Arrays.asList(header.strip().split(",", -1));
            int idCol = cols.indexOf("TRANSACTION_ID");
            int[] featureCols = new int[names.size()];
            for (int c = 0; c < names.size(); c++) {
                featureCols[c] = cols.indexOf(names.get(c));
                if (featureCols[c] < 0 || idCol < 0) {
                    throw new IOException(day + ": no column " + (idCol < 0 ? "TRANSACTION_ID" : names.get(c)));
                }
            }
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                Integer row = byId.get(Long.parseLong(f[idCol].strip()));
                if (row == null) {
                    if (missing++ < 5) {
                        err.println("check-handbook: transaction " + f[idCol] + " of " + day.getFileName()
                                + " is not in the raw days");
                    }
                    continue;
                }
                for (int c = 0; c < names.size(); c++) {
                    double expected = Double.parseDouble(f[featureCols[c]].strip());
                    double diff = Math.abs(expected - rows[row][c]);
                    // a NaN on either side is a mismatch, never a silent pass
                    if (Double.isNaN(diff)) {
                        diff = Double.POSITIVE_INFINITY;
                    }
                    maxDiff[c] = Math.max(maxDiff[c], diff);
                    compared[c]++;
                }
            }
        }
        return missing;
    }

    private static LocalDate dayOf(Path p) {
        String name = p.getFileName().toString();
        return LocalDate.parse(name.substring(0, name.length() - ".csv".length()));
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException nsf) {
            return "missing data file "
                    + Path.of(nsf.getFile()).toAbsolutePath().normalize()
                    + (nsf.getReason() != null ? " (" + nsf.getReason() + ")" : "");
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
