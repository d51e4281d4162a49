package io.cdp.transformer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.transformer.ops.PipelineMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {

    @Test
    void boundedGivesUpAfterItsAttemptsWithTheLastFailureAsCause() {
        List<String> retried = new ArrayList<>();
        Retry retry = new Retry(1, 4, 3, new PipelineMetrics() {
            @Override
            public void retried(String effect) {
                retried.add(effect);
            }
        });
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException refused = new IllegalStateException("batch too large");

        assertThatThrownBy(() -> retry.bounded("dead-letters", () -> {
                    calls.incrementAndGet();
                    throw refused;
                }))
                .isInstanceOf(Retry.GaveUpException.class)
                .hasCause(refused)
                .satisfies(e -> assertThat(((Retry.GaveUpException) e).effect()).isEqualTo("dead-letters"));
        assertThat(calls).hasValue(3);
        assertThat(retried).containsExactly("dead-letters", "dead-letters");
    }

    @Test
    void boundedReturnsWhatATransientFailureLetThroughOnALaterAttempt() {
        Retry retry = new Retry(1, 4, 3, PipelineMetrics.NONE);
        AtomicInteger calls = new AtomicInteger();

        String result = retry.bounded("lake", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("throttled");
            }
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(calls).hasValue(3);
    }

    @Test
    void untilOutlastsTheBoundForTheQuarantineWhichCannotRefuse() {
        Retry retry = new Retry(1, 2, 2, PipelineMetrics.NONE);
        AtomicInteger calls = new AtomicInteger();

        retry.until("quarantine", () -> {
            if (calls.incrementAndGet() < 10) {
                throw new IllegalStateException("S3 unavailable");
            }
        });

        assertThat(calls).hasValue(10);
    }

    @Test
    void refusesABoundBelowOneAttempt() {
        assertThatThrownBy(() -> new Retry(1, 2, 0, PipelineMetrics.NONE)).isInstanceOf(IllegalArgumentException.class);
    }
}
