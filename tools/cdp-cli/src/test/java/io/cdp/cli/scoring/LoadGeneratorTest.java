package io.cdp.cli.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The load generator's accounting with callers in memory: every request of the schedule is sent once, a stall is
 * charged to the requests queued behind it (coordinated omission), failures are errors and not latencies.
 */
class LoadGeneratorTest {

    @Test
    void sendsEveryRequestOnceAcrossConnectionsWithItsOwnIndex() throws Exception {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        List<Integer> duplicates = new ArrayList<>();
        LoadGenerator.Caller caller = index -> {
            if (!seen.add(index)) {
                synchronized (duplicates) {
                    duplicates.add(index);
                }
            }
            return true;
        };

        LoadGenerator.Result result =
                LoadGenerator.run(200, Duration.ofSeconds(1), 1000, List.of(caller, caller, caller));

        assertThat(seen).hasSize(200).allMatch(i -> i >= 1000 && i < 1200);
        assertThat(duplicates).isEmpty();
        assertThat(result.completed()).isEqualTo(200);
        assertThat(result.errors()).isZero();
        assertThat(result.latencyMicros().getTotalCount()).isEqualTo(200);
    }

    @Test
    void aStallIsChargedToTheRequestsThatWaitedBehindIt() throws Exception {
        // one connection, a request due every 10 ms; request 0 takes 60 ms, so requests 1-5 are sent late
        LoadGenerator.Caller caller = index -> {
            if (index == 0) {
                Thread.sleep(60);
            }
            return true;
        };

        LoadGenerator.Result result = LoadGenerator.run(100, Duration.ofSeconds(1), 0, List.of(caller));

        long[] latency = result.latencyByRequestMicros();
        assertThat(latency[0]).isGreaterThanOrEqualTo(60_000);
        // request 1 was due at 10 ms and could only go out at 60 ms: at least 50 ms, although its own call was instant
        assertThat(latency[1]).isGreaterThanOrEqualTo(50_000);
        assertThat(latency[5]).isGreaterThanOrEqualTo(10_000);
        assertThat(result.latencyMicros().getMaxValue()).isGreaterThanOrEqualTo(60_000);
        assertThat(result.ms(50)).isLessThan(10.0);
    }

    @Test
    void failuresAndExceptionsAreErrorsNotLatencies() throws Exception {
        LoadGenerator.Caller caller = index -> {
            if (index % 4 == 1) {
                throw new java.io.IOException("connection reset");
            }
            return index % 4 != 3;
        };

        LoadGenerator.Result result = LoadGenerator.run(100, Duration.ofSeconds(1), 0, List.of(caller, caller));

        assertThat(result.errors()).isEqualTo(50);
        assertThat(result.latencyMicros().getTotalCount()).isEqualTo(50);
        assertThat(result.latencyByRequestMicros()[1]).isEqualTo(-1);
        assertThat(result.latencyByRequestMicros()[3]).isEqualTo(-1);
        assertThat(result.latencyByRequestMicros()[2]).isGreaterThanOrEqualTo(0);
    }
}
