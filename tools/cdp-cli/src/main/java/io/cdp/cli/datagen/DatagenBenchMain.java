package io.cdp.cli.datagen;

import io.cdp.datagen.TabFormerGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./cdp bench datagen [--transactions N] [--runs R]}: generates about N transactions (default 1,000,000)
 * into a temporary directory R times (default 3) and prints rows/s per run and the median.
 */
public final class DatagenBenchMain {

    private DatagenBenchMain() {}

    public static void main(String[] args) throws Exception {
        long target = 1_000_000;
        int runs = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--transactions" -> target = Long.parseLong(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> {}
            }
        }
        // calibrate: transactions per customer-year at this generator's behaviour
        Path probe = Files.createTempDirectory("cdp-datagen-probe");
        var sample = new TabFormerGenerator(new TabFormerGenerator.Options(200, 7, LocalDate.of(2019, 1, 1), 365))
                .write(probe);
        delete(probe);
        int users = (int) Math.max(1, Math.round(target / (sample.transactions() / 200.0)));
        System.out.printf("%-5s %8s %8s %12s %8s %12s%n", "run", "users", "cards", "transactions", "seconds", "rows/s");
        List<Double> rates = new ArrayList<>();
        long lastTx = 0;
        for (int r = 1; r <= runs; r++) {
            Path out = Files.createTempDirectory("cdp-datagen-bench");
            long t0 = System.nanoTime();
            var stats = new TabFormerGenerator(new TabFormerGenerator.Options(users, r, LocalDate.of(2019, 1, 1), 365))
                    .write(out);
            double s = (System.nanoTime() - t0) / 1e9;
            delete(out);
            rates.add(stats.transactions() / s);
            lastTx = stats.transactions();
            System.out.printf(
                    "%-5d %8d %8d %12d %8.2f %12.0f%n",
                    r, stats.users(), stats.cards(), stats.transactions(), s, stats.transactions() / s);
        }
        rates.sort(null);
        double median = rates.get(rates.size() / 2);
        System.out.printf(
                "datagen rows_per_s=%.0f transactions=%d seconds_per_million=%.1f%n", median, lastTx, 1e6 / median);
    }

    private static void delete(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
