package io.cdp.scoring.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./cdp bench store-client [--quick]}: runs {@link StoreClientBenchmark} and prints, per DynamoDB client
 * configuration, the calling thread's CPU per feature-store read, the call's wall time and allocation, with the ratio
 * to the shipped client measured in the same run. It answers where the scoring API's ~0.7 ms of CPU per cache miss
 * goes (docs/benchmarks/scoring-api.md) without the emulator or the load generator on the same cores.
 */
public final class StoreClientBenchMain {

    private StoreClientBenchMain() {}

    public static void main(String[] args) throws RunnerException {
        boolean quick = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else {
                System.err.println("usage: ./cdp bench store-client [--quick]");
                System.exit(2);
            }
        }
        Options options = new OptionsBuilder()
                .include(StoreClientBenchmark.class.getName() + ".")
                .mode(Mode.AverageTime)
                .forks(1)
                .threads(1)
                .warmupIterations(quick ? 2 : 3)
                .warmupTime(TimeValue.seconds(quick ? 2 : 3))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.seconds(quick ? 2 : 3))
                .addProfiler("gc")
                .jvmArgsAppend("-Xms512m", "-Xmx512m", "-XX:+UseParallelGC")
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, double[]> byClient = new LinkedHashMap<>(); // process cpu, caller cpu, wall (us/call), bytes/call
        for (RunResult r : results) {
            Map<String, Result> secondary = r.getSecondaryResults();
            double calls = secondary.get("calls").getScore();
            double callerNanos = secondary.get("callerCpuNanos").getScore();
            double processNanos = secondary.get("processCpuNanos").getScore();
            Result alloc = secondary.get("gc.alloc.rate.norm");
            byClient.put(r.getParams().getParam("client"), new double[] {
                processNanos / calls / 1000.0,
                callerNanos / calls / 1000.0,
                r.getPrimaryResult().getScore(),
                alloc == null ? Double.NaN : alloc.getScore()
            });
        }
        System.out.println();
        System.out.println("feature-store client: one strongly consistent, projected GetItem of a card state per call, "
                + "answered by an in-process HTTP stub on threads of its own (JMH, 1 fork, 1 thread; CPU of the calling "
                + "thread, and of the process less the stub's threads, which adds a client's own I/O threads, JIT and "
                + "GC)");
        String fmt = "%-18s %20s %20s %14s %12s %16s%n";
        System.out.printf(
                Locale.ROOT,
                fmt,
                "client",
                "process CPU us/call",
                "caller CPU us/call",
                "wall us/call",
                "bytes/call",
                "process CPU vs shipped");
        double[] shipped = byClient.get("shipped");
        byClient.forEach((name, v) -> System.out.printf(
                Locale.ROOT,
                fmt,
                name,
                String.format(Locale.ROOT, "%.1f", v[0]),
                String.format(Locale.ROOT, "%.1f", v[1]),
                String.format(Locale.ROOT, "%.1f", v[2]),
                String.format(Locale.ROOT, "%,.0f", v[3]),
                shipped == null ? "" : String.format(Locale.ROOT, "%.2f", v[0] / shipped[0])));
        byClient.forEach((name, v) -> System.out.printf(
                Locale.ROOT,
                "store-client client=%s process_cpu_us=%.1f caller_cpu_us=%.1f wall_us=%.1f bytes=%.0f%n",
                name,
                v[0],
                v[1],
                v[2],
                v[3]));
    }
}
