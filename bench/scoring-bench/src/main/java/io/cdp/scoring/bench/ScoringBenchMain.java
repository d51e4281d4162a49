package io.cdp.scoring.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./cdp bench scoring [--quick] [--model eval-model.json]}: runs {@link ScoringBenchmark} in throughput and
 * sample-time modes in one JMH run, for the served model shape (the size {@code ./cdp eval handbook} selects, or that
 * eval's own model file) and for 300 trees of depth 6, and prints ops/s and per-row p50/p99 of each implementation
 * with the in-process / XGBoost4J ratio measured in the same run, against the targets (p99 <= 50 us, >= 100x
 * XGBoost4J's DMatrix-per-call throughput).
 */
public final class ScoringBenchMain {

    private ScoringBenchMain() {}

    public static void main(String[] args) throws RunnerException {
        boolean quick = false;
        String model = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--model" -> {
                    if (i + 1 >= args.length || !Files.isRegularFile(Path.of(args[i + 1]))) {
                        System.err.println("bench: --model needs an XGBoost JSON model file (./cdp eval handbook "
                                + "writes target/handbook-eval/model.json)");
                        System.exit(2);
                    }
                    model = Path.of(args[++i]).toAbsolutePath().toString();
                }
                default -> {
                    System.err.println("usage: ./cdp bench scoring [--quick] [--model model.json]");
                    System.exit(2);
                }
            }
        }
        Options options = new OptionsBuilder()
                .include(ScoringBenchmark.class.getName() + ".")
                .mode(Mode.Throughput)
                .mode(Mode.SampleTime)
                .param("modelFile", model)
                .forks(1)
                .threads(1)
                .warmupIterations(quick ? 1 : 2)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 4)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "-Xms512m", "-Xmx512m")
                .build();
        Collection<RunResult> results = new Runner(options).run();

        // shape -> benchmark -> {ops/s, p50 us, p99 us, samples}
        Map<String, Map<String, double[]>> byShape = new TreeMap<>(Comparator.reverseOrder());
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            String name = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.') + 1);
            double[] v = byShape.computeIfAbsent(p.getParam("shape"), s -> new HashMap<>())
                    .computeIfAbsent(name, n -> new double[4]);
            var stats = r.getPrimaryResult().getStatistics();
            if (p.getMode() == Mode.Throughput) {
                v[0] = r.getPrimaryResult().getScore() * 1e6; // ops/us -> ops/s
            } else {
                v[1] = stats.getPercentile(50);
                v[2] = stats.getPercentile(99);
                v[3] = stats.getN();
            }
        }
        System.out.println();
        System.out.println("scoring benchmark (JMH, 1 fork, 1 thread, one row per call; per-row latency from "
                + "sample-time mode; model sizes as printed by each trial's 'model scored:' line)");
        String fmt = "%-10s %-38s %14s %10s %10s %12s %9s%n";
        System.out.printf(
                Locale.ROOT, fmt, "model", "implementation", "ops/s", "p50 us", "p99 us", "samples", "vs XGB4J");
        boolean met = true;
        for (Map.Entry<String, Map<String, double[]>> e : byShape.entrySet()) {
            String shape = e.getKey().equals("served") ? (model.isEmpty() ? "served" : "eval file") : e.getKey();
            double[] xgb = e.getValue().get("xgboostDMatrixPerCall");
            row(fmt, shape, "cdp-scoring in-process, float[] row", e.getValue().get("inProcess"), xgb);
            row(fmt, shape, "cdp-scoring in-process, double[] row", e.getValue().get("inProcessDoubleRow"), xgb);
            row(fmt, shape, "XGBoost4J DMatrix per call", xgb, xgb);
            double[] ours = e.getValue().get("inProcess");
            met &= ours[0] / xgb[0] >= 100 && ours[2] <= 50;
        }
        System.out.printf(
                Locale.ROOT,
                "targets: in-process >= 100x XGBoost4J DMatrix-per-call throughput and p99 <= 50 "
                        + "us, for every model shape above -> %s%n",
                met ? "targets met" : "TARGETS NOT MET");
    }

    private static void row(String fmt, String shape, String name, double[] v, double[] xgb) {
        System.out.printf(
                Locale.ROOT,
                fmt,
                shape,
                name,
                String.format(Locale.ROOT, "%,.0f", v[0]),
                String.format(Locale.ROOT, "%.3f", v[1]),
                String.format(Locale.ROOT, "%.3f", v[2]),
                String.format(Locale.ROOT, "%,.0f", v[3]),
                String.format(Locale.ROOT, "%.0fx", v[0] / xgb[0]));
    }
}
