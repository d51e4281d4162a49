package io.cdp.scoring.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * {@code ./cdp bench scoring [--quick]}: runs {@link ScoringBenchmark} in throughput and sample-time modes in one
 * JMH run and prints ops/s and per-row p50/p99 for both implementations with their ratio, against the targets
 * (p99 <= 50 us, >= 100x XGBoost4J's DMatrix-per-call throughput).
 */
public final class ScoringBenchMain {

    private ScoringBenchMain() {
    }

    public static void main(String[] args) throws RunnerException {
        boolean quick = args.length > 0 && "--quick".equals(args[0]);
        Options options = new OptionsBuilder()
                .include(ScoringBenchmark.class.getName() + ".")
                .mode(Mode.Throughput).mode(Mode.SampleTime)
                .forks(1)
                .threads(1)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "-Xms512m", "-Xmx512m")
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, double[]> byName = new HashMap<>();
        String shape = "";
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            String name = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.') + 1);
            shape = p.getParam("trees") + " trees, depth " + p.getParam("depth") + ", " + ScoringBenchmark.FEATURES
                    + " features";
            double[] v = byName.computeIfAbsent(name, n -> new double[5]);
            var stats = r.getPrimaryResult().getStatistics();
            if (p.getMode() == Mode.Throughput) {
                v[0] = r.getPrimaryResult().getScore() * 1e6; // ops/us -> ops/s
            } else {
                v[1] = stats.getPercentile(50);
                v[2] = stats.getPercentile(99);
                v[3] = stats.getN();
            }
        }
        double[] ours = byName.get("inProcess");
        double[] xgb = byName.get("xgboostDMatrixPerCall");
        System.out.println();
        System.out.println("scoring benchmark (JMH, 1 fork, 1 thread, " + shape + "; per-row latency from "
                + "sample-time mode)");
        String fmt = "%-34s %14s %12s %12s %12s%n";
        System.out.printf(Locale.ROOT, fmt, "implementation", "ops/s", "p50 us", "p99 us", "samples");
        row(fmt, "cdp-scoring in-process (Java)", ours);
        row(fmt, "XGBoost4J DMatrix per call", xgb);
        double ratio = ours[0] / xgb[0];
        System.out.printf(Locale.ROOT, "throughput ratio in-process / XGBoost4J: %.0fx (target >= 100x); "
                + "in-process p99 %.2f us (target <= 50 us) -> %s%n", ratio, ours[2],
                ratio >= 100 && ours[2] <= 50 ? "targets met" : "TARGETS NOT MET");
    }

    private static void row(String fmt, String name, double[] v) {
        System.out.printf(Locale.ROOT, fmt, name, String.format(Locale.ROOT, "%,.0f", v[0]),
                String.format(Locale.ROOT, "%.3f", v[1]), String.format(Locale.ROOT, "%.3f", v[2]),
                String.format(Locale.ROOT, "%,.0f", v[3]));
    }
}
