package io.cdp.transformer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.features.online.WireTransactions;
import io.cdp.kinesis.ingest.RawRecord;
import io.cdp.scoring.scorer.Scorer;
import io.cdp.transformer.lake.ScoredRow;
import io.cdp.transformer.ops.PipelineMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A batch whose scoring throws is never skipped: it is retried whole, then record by record, and only the record
 * that keeps failing alone is quarantined, with its reason, while every other record gets all its effects.
 */
class BatchFailureTest {

    private static final EventCodec CODEC = new EventCodec();

    private static final List<TransactionRecordedV1> TXS = SyntheticCardHistory.takeovers(
                    11,
                    30,
                    Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2)),
                    Duration.ofDays(2),
                    6,
                    0.3)
            .subList(0, 40);

    private static List<RawRecord> records() {
        List<RawRecord> out = new ArrayList<>();
        for (int i = 0; i < TXS.size(); i++) {
            TransactionRecordedV1 tx = TXS.get(i);
            out.add(new RawRecord(
                    CODEC.encode(Envelope.of("core-banking", tx.cardToken().value(), tx.transactionTime(), tx)),
                    String.format("%020d", i)));
        }
        return out;
    }

    /** A scorer that throws for any batch holding a row {@code poisoned} matches, and scores the rest. */
    private static Scorer throwingFor(Scorer delegate, Predicate<double[][]> poisoned) {
        return new Scorer() {
            @Override
            public String modelVersion() {
                return delegate.modelVersion();
            }

            @Override
            public List<String> featureNames() {
                return delegate.featureNames();
            }

            @Override
            public double score(double[] features) {
                return scoreBatch(new double[][] {features})[0];
            }

            @Override
            public double[] scoreBatch(double[][] rows) {
                if (poisoned.test(rows)) {
                    throw new IllegalStateException("model cannot take this row");
                }
                return delegate.scoreBatch(rows);
            }
        };
    }

    private static BatchRunner runner(TransactionPipeline pipeline) {
        return new BatchRunner(3, 2, 1, 2, pipeline::quarantine, PipelineMetrics.NONE);
    }

    @Test
    void aBatchWhoseScorerThrowsOnceIsRetriedAndEveryEffectHappensWithNothingQuarantined() {
        InMemoryEffects effects = new InMemoryEffects();
        AtomicBoolean thrown = new AtomicBoolean();
        effects.scorerWrapper = s -> throwingFor(s, rows -> thrown.compareAndSet(false, true));
        TransactionPipeline pipeline = effects.pipeline();

        runner(pipeline).run("s", "shard-0", records(), pipeline::processTransactions);

        assertThat(thrown).isTrue();
        assertThat(effects.quarantined).isEmpty();
        assertThat(effects.lakeRows())
                .extracting(ScoredRow::transactionId)
                .containsExactlyInAnyOrderElementsOf(ids(TXS));
        assertThat(effects.scored)
                .extracting(e -> e.payload().transactionId())
                .containsExactlyInAnyOrderElementsOf(ids(TXS));
    }

    @Test
    void aRecordTheScorerAlwaysRefusesIsQuarantinedAloneWithItsReasonAndTheShardMovesOn() {
        InMemoryEffects effects = new InMemoryEffects();
        // a record whose feature row no other record shares (a burst of identical card tests can share one)
        double[][] batchRows =
                WireTransactions.batch(TXS, InMemoryEffects.MODEL.tables().context());
        int candidate = 17;
        while (!unique(batchRows, candidate)) {
            candidate++;
        }
        int bad = candidate;
        double[] badRow = batchRows[bad];
        effects.scorerWrapper =
                s -> throwingFor(s, rows -> Arrays.stream(rows).anyMatch(r -> Arrays.equals(r, badRow)));
        TransactionPipeline pipeline = effects.pipeline();
        List<RawRecord> records = records();

        runner(pipeline).run("s", "shard-0", records, pipeline::processTransactions);

        assertThat(effects.quarantined)
                .as(
                        "quarantined %s",
                        effects.quarantined.stream()
                                .map(p -> p.raw().sequenceNumber() + ":" + p.reason() + ":" + p.detail())
                                .toList())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.reason()).isEqualTo("processing-failed");
                    assertThat(p.detail()).contains("IllegalStateException");
                    assertThat(p.raw().sequenceNumber())
                            .isEqualTo(records.get(bad).sequenceNumber());
                });
        List<String> others = new ArrayList<>(ids(TXS));
        others.remove(bad);
        assertThat(effects.lakeRows()).extracting(ScoredRow::transactionId).containsExactlyInAnyOrderElementsOf(others);
        assertThat(effects.scored)
                .extracting(Envelope::payload)
                .extracting(TransactionScoredV1::transactionId)
                .doesNotContain(TXS.get(bad).transactionId())
                .containsAll(others);
    }

    @Test
    void anAlertThatAlwaysFailsForOneRecordQuarantinesItWithNoLakeRowAndEveryOtherRowOnce() {
        InMemoryEffects effects = new InMemoryEffects();
        List<TransactionRecordedV1> txs = SyntheticCardHistory.takeovers(
                2,
                60,
                Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2)),
                Duration.ofDays(2),
                6,
                0.3);
        List<RawRecord> records = new ArrayList<>();
        for (int i = 0; i < txs.size(); i++) {
            TransactionRecordedV1 tx = txs.get(i);
            records.add(new RawRecord(
                    CODEC.encode(Envelope.of("core-banking", tx.cardToken().value(), tx.transactionTime(), tx)),
                    String.format("%020d", i)));
        }
        // a dry run finds a transaction that alerts; the real run starts a batch with it, so the batch's lake object
        // of that day is named after it and would survive a record-by-record pass that quarantines it
        InMemoryEffects dry = new InMemoryEffects();
        dry.pipeline().processTransactions("s", "shard-0", records);
        assertThat(dry.alertsSent).as("the history raises alerts").isNotEmpty();
        String refusedTx = dry.alertsSent.getFirst().payload().transactionId();
        int k = ids(txs).indexOf(refusedTx);
        effects.alertRefused = refusedTx::equals;
        TransactionPipeline pipeline = effects.pipeline();

        BatchRunner runner = runner(pipeline);
        if (k > 0) {
            runner.run("s", "shard-0", records.subList(0, k), pipeline::processTransactions);
        }
        runner.run("s", "shard-0", records.subList(k, records.size()), pipeline::processTransactions);

        assertThat(effects.quarantined)
                .singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("alerts"));
        List<String> others = new ArrayList<>(ids(txs));
        others.remove(refusedTx);
        assertThat(effects.lakeRows()).extracting(ScoredRow::transactionId).containsExactlyInAnyOrderElementsOf(others);
    }

    private static boolean unique(double[][] rows, int index) {
        for (int i = 0; i < rows.length; i++) {
            if (i != index && Arrays.equals(rows[i], rows[index])) {
                return false;
            }
        }
        return true;
    }

    private static List<String> ids(List<TransactionRecordedV1> txs) {
        return txs.stream().map(TransactionRecordedV1::transactionId).toList();
    }
}
