package io.cdp.transformer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.features.online.WireTransactions;
import io.cdp.kinesis.ingest.RawRecord;
import io.cdp.lake.ParquetFiles;
import io.cdp.lake.ScoredTransactions;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.scoring.scorer.Scorer;
import io.cdp.transformer.features.CustomerState;
import io.cdp.transformer.features.StoredEntity;
import io.cdp.transformer.lake.ParquetLakeSink;
import io.cdp.transformer.lake.ScoredRow;
import io.cdp.transformer.scoring.ShadowModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransactionPipelineTest {

    private static final EventCodec CODEC = new EventCodec();

    private static List<TransactionRecordedV1> history(long seed) {
        return SyntheticCardHistory.takeovers(
                seed,
                60,
                Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2)),
                Duration.ofDays(2),
                6,
                0.3);
    }

    private static List<RawRecord> records(List<TransactionRecordedV1> txs, int firstSequence) {
        List<RawRecord> out = new ArrayList<>();
        for (int i = 0; i < txs.size(); i++) {
            TransactionRecordedV1 tx = txs.get(i);
            byte[] bytes =
                    CODEC.encode(Envelope.of("core-banking", tx.cardToken().value(), tx.transactionTime(), tx));
            out.add(new RawRecord(bytes, String.format("%020d", firstSequence + i)));
        }
        return out;
    }

    private static void processInBatches(TransactionPipeline pipeline, List<RawRecord> records, int batch) {
        for (int from = 0; from < records.size(); from += batch) {
            pipeline.processTransactions("s", "shard-0", records.subList(from, Math.min(records.size(), from + batch)));
        }
    }

    @Test
    void everyTransactionIsScoredWithTheFeaturesTheBatchComputationGives() {
        InMemoryEffects effects = new InMemoryEffects();
        List<TransactionRecordedV1> txs = history(1);
        processInBatches(effects.pipeline(), records(txs, 0), 37);

        double[][] batch =
                WireTransactions.batch(txs, InMemoryEffects.MODEL.tables().context());
        Map<String, ScoredRow> rows =
                effects.lakeRows().stream().collect(Collectors.toMap(ScoredRow::transactionId, Function.identity()));
        assertThat(effects.scored).hasSize(txs.size());
        assertThat(rows).hasSize(txs.size());
        for (int i = 0; i < txs.size(); i++) {
            assertThat(rows.get(txs.get(i).transactionId()).features())
                    .as("features of %s", txs.get(i).transactionId())
                    .containsExactly(batch[i]);
        }
        assertThat(effects.quarantined).isEmpty();

        // the lake row keeps the whole event but its label: through Parquet it reads back as what the stream read, as
        // a retraining reads the live days
        Map<String, TransactionRecordedV1> back =
                ParquetFiles.read(ParquetLakeSink.toParquet(effects.lakeRows())).stream()
                        .map(ScoredTransactions::transaction)
                        .collect(Collectors.toMap(TransactionRecordedV1::transactionId, Function.identity()));
        assertThat(txs).anySatisfy(t -> assertThat(t.errors()).isNotEmpty());
        assertThat(txs).anySatisfy(t -> assertThat(t.merchantState()).isNotNull());
        for (TransactionRecordedV1 tx : txs) {
            assertThat(WireTransactions.online(back.get(tx.transactionId())))
                    .usingRecursiveComparison()
                    .ignoringFields("fraudLabel")
                    .isEqualTo(WireTransactions.online(tx));
            assertThat(back.get(tx.transactionId()).fraudLabel()).isNull();
        }
    }

    @Test
    void aShadowVersionScoresEveryRowIntoTheLakeOnlyAndItsFailureFailsNothing() {
        InMemoryEffects effects = new InMemoryEffects();
        List<TransactionRecordedV1> txs = history(3);
        int half = txs.size() / 2;
        // a shadow that scores each row at 1 - the live probability: recorded, never acted on
        InProcessScorer live = new InProcessScorer(InMemoryEffects.MODEL.artifact());
        effects.shadow = new ShadowModel("shadow-v1", new Scorer() {
            @Override
            public String modelVersion() {
                return "shadow-v1";
            }

            @Override
            public List<String> featureNames() {
                return live.featureNames();
            }

            @Override
            public double score(double[] features) {
                return 1 - live.score(features);
            }
        });
        TransactionPipeline pipeline = effects.pipeline();
        processInBatches(pipeline, records(txs.subList(0, half), 0), 25);
        // then a shadow that throws on every batch
        effects.shadow = new ShadowModel("shadow-broken", new Scorer() {
            @Override
            public String modelVersion() {
                return "shadow-broken";
            }

            @Override
            public List<String> featureNames() {
                return live.featureNames();
            }

            @Override
            public double score(double[] features) {
                throw new IllegalStateException("broken shadow");
            }
        });
        processInBatches(pipeline, records(txs.subList(half, txs.size()), half), 25);

        Map<String, ScoredRow> rows =
                effects.lakeRows().stream().collect(Collectors.toMap(ScoredRow::transactionId, Function.identity()));
        assertThat(rows).hasSize(txs.size());
        assertThat(effects.scored).hasSize(txs.size());
        assertThat(effects.quarantined).isEmpty();
        for (int i = 0; i < txs.size(); i++) {
            ScoredRow row = rows.get(txs.get(i).transactionId());
            assertThat(row.modelVersion()).isEqualTo(live.modelVersion());
            if (i < half) {
                assertThat(row.shadowModelVersion()).isEqualTo("shadow-v1");
                assertThat(row.shadowScore()).isCloseTo(1 - row.score(), org.assertj.core.data.Offset.offset(1e-12));
            } else {
                assertThat(row.shadowModelVersion()).isNull();
                assertThat(row.shadowScore()).isNaN();
            }
        }
        // alerts follow the live score only: a shadow of 1 - p would have alerted on almost every row
        double alert = InMemoryEffects.MODEL.artifact().metadata().thresholds().alert();
        assertThat(effects.alertsSent).hasSize((int)
                rows.values().stream().filter(r -> r.score() >= alert).count());
    }

    @Test
    void replayAfterACrashBeforeTheCheckpointCountsNothingTwiceWritesNoSecondRowAndSendsNoSecondAlert() {
        InMemoryEffects effects = new InMemoryEffects();
        List<TransactionRecordedV1> txs = history(2);
        List<RawRecord> records = records(txs, 0);
        TransactionPipeline pipeline = effects.pipeline();
        // the crashed run: every batch up to 200 done, the last one (150..200) not checkpointed
        processInBatches(pipeline, records.subList(0, 200), 50);
        Map<String, byte[]> stateAtCrash = states(effects, txs.subList(0, 200));
        int alertsAtCrash = effects.alertsSent.size();

        // the restarted run reads again from the checkpoint (150), in other batch sizes, then on to the end
        processInBatches(pipeline, records.subList(150, 200), 20);
        assertThat(states(effects, txs.subList(0, 200)))
                .as("replayed transactions change no state")
                .allSatisfy((key, bytes) -> assertThat(bytes).isEqualTo(stateAtCrash.get(key)));
        assertThat(effects.alertsSent).hasSize(alertsAtCrash);
        processInBatches(pipeline, records.subList(200, records.size()), 20);

        assertThat(effects.alertsSent)
                .as("the generated fraud bursts raise alerts")
                .isNotEmpty()
                .extracting(a -> a.payload().transactionId())
                .doesNotHaveDuplicates();
        assertThat(effects.lakeRows())
                .hasSize(txs.size())
                .extracting(ScoredRow::transactionId)
                .doesNotHaveDuplicates();
        assertThat(effects.scored.stream().map(Envelope::eventId).distinct().count())
                .isEqualTo(txs.size());
        Map<String, List<TransactionScoredV1>> byTx = effects.scored.stream()
                .map(Envelope::payload)
                .collect(Collectors.groupingBy(TransactionScoredV1::transactionId));
        assertThat(byTx.values())
                .allSatisfy(copies -> assertThat(copies)
                        .extracting(TransactionScoredV1::score)
                        .as("a replayed transaction gets the score it had")
                        .containsOnly(copies.getFirst().score()));
        double[][] batch =
                WireTransactions.batch(txs, InMemoryEffects.MODEL.tables().context());
        Map<String, ScoredRow> rows =
                effects.lakeRows().stream().collect(Collectors.toMap(ScoredRow::transactionId, Function.identity()));
        for (int i = 0; i < txs.size(); i++) {
            assertThat(rows.get(txs.get(i).transactionId()).features()).containsExactly(batch[i]);
        }
    }

    @Test
    void poisonRecordsAreQuarantinedWithReasonAndOriginalBytesWhileTheRestIsProcessed() {
        InMemoryEffects effects = new InMemoryEffects();
        List<TransactionRecordedV1> txs = history(3).subList(0, 30);
        List<RawRecord> records = new ArrayList<>(records(txs, 0));
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        String wrongSchema = new String(records.get(3).data(), StandardCharsets.UTF_8)
                .replace("\"mcc\":", "\"mcc\":\"x\",\"ignored\":");
        byte[] unknownType = new String(records.get(4).data(), StandardCharsets.UTF_8)
                .replace("transaction.recorded.v1", "transaction.recorded.v9")
                .getBytes(StandardCharsets.UTF_8);
        records.add(5, new RawRecord(garbage, "p1"));
        records.add(6, new RawRecord(wrongSchema.getBytes(StandardCharsets.UTF_8), "p2"));
        records.add(7, new RawRecord(unknownType, "p3"));

        TransactionPipeline.Outcome outcome = effects.pipeline().processTransactions("s", "shard-0", records);

        assertThat(outcome.scored()).isEqualTo(30);
        assertThat(effects.quarantined)
                .extracting(Poison::reason)
                .containsExactly("unparseable", "schema-invalid", "unknown-type");
        assertThat(effects.quarantined.getFirst().raw().data()).isEqualTo(garbage);
        assertThat(effects.quarantined.get(1).detail()).contains("$.payload.mcc");
        assertThat(effects.quarantined)
                .extracting(p -> p.raw().sequenceNumber())
                .containsExactly("p1", "p2", "p3");
    }

    @Test
    void aProducerDuplicateAtAnotherPositionChangesNothingWhileAReplayOfTheSamePositionRedoesTheEffects() {
        InMemoryEffects effects = new InMemoryEffects();
        List<TransactionRecordedV1> txs = history(5);
        List<RawRecord> records = records(txs, 0);
        TransactionPipeline pipeline = effects.pipeline();
        processInBatches(pipeline, records, 50);
        Map<String, byte[]> states = states(effects, txs);
        int scoredBefore = effects.scored.size();
        Map<String, List<ScoredRow>> lakeBefore = Map.copyOf(effects.lake);
        int alertsBefore = effects.alertsSent.size();
        assertThat(alertsBefore).as("the history raises alerts").isPositive();

        // the producer retried: the same transactions again, later in the stream, one batch under new event ids
        List<RawRecord> again = new ArrayList<>();
        for (int i = 0; i < txs.size(); i++) {
            TransactionRecordedV1 tx = txs.get(i);
            byte[] bytes = i % 2 == 0
                    ? records.get(i).data()
                    : CODEC.encode(Envelope.of("core-banking", tx.cardToken().value(), tx.transactionTime(), tx));
            again.add(new RawRecord(bytes, String.format("%020d", 100_000 + i)));
        }
        TransactionPipeline.Outcome outcome = pipeline.processTransactions("s", "shard-0", again);

        assertThat(outcome.producerDuplicates()).isEqualTo(txs.size());
        assertThat(outcome.scored()).isZero();
        assertThat(effects.scored).hasSize(scoredBefore);
        assertThat(effects.lake).isEqualTo(lakeBefore);
        assertThat(effects.alertsSent).hasSize(alertsBefore);
        assertThat(states(effects, txs))
                .allSatisfy((key, bytes) -> assertThat(bytes).isEqualTo(states.get(key)));
        assertThat(effects.quarantined).isEmpty();

        // a consumer replay of the last batch (from its checkpoint, same sequence numbers) redoes its effects
        int lastBatch = (records.size() - 1) / 50 * 50;
        int replayed = records.size() - lastBatch;
        TransactionPipeline.Outcome replay =
                pipeline.processTransactions("s", "shard-0", records.subList(lastBatch, records.size()));
        assertThat(replay.producerDuplicates()).isZero();
        assertThat(replay.scored()).isEqualTo(replayed);
        assertThat(effects.scored).hasSize(scoredBefore + replayed);
        assertThat(effects.lakeRows()).hasSize(txs.size());
        assertThat(effects.alertsSent).hasSize(alertsBefore);
    }

    @Test
    void twoCopiesOfATransactionInOneBatchAreScoredOnce() {
        InMemoryEffects effects = new InMemoryEffects();
        List<TransactionRecordedV1> txs = history(6).subList(0, 20);
        List<RawRecord> records = new ArrayList<>(records(txs, 0));
        records.add(new RawRecord(records.get(3).data(), "dup-1"));

        TransactionPipeline.Outcome outcome = effects.pipeline().processTransactions("s", "shard-0", records);

        assertThat(outcome.producerDuplicates()).isEqualTo(1);
        assertThat(effects.lakeRows())
                .extracting(ScoredRow::transactionId)
                .doesNotHaveDuplicates()
                .hasSize(20);
        assertThat(effects.claims.get(txs.get(3).transactionId())).isEqualTo("s/shard-0/" + String.format("%020d", 3));
    }

    @Test
    void customerStateCountsEveryCardOfTheCustomerOnce() {
        InMemoryEffects effects = new InMemoryEffects();
        List<TransactionRecordedV1> txs = history(4);
        List<RawRecord> records = records(txs, 0);
        processInBatches(effects.pipeline(), records, 64);
        processInBatches(effects.pipeline(), records.subList(0, 64), 64);
        TransactionRecordedV1 last = txs.getLast();
        CustomerState customer = CustomerState.fromBytes(effects.store
                .get(StoredEntity.customerKey(last.customerToken().value()))
                .orElseThrow()
                .state());
        long expected = txs.stream()
                .filter(t -> t.customerToken().equals(last.customerToken()))
                .count();
        assertThat(customer.window().size()).isEqualTo((int) expected);
    }

    private static Map<String, byte[]> states(InMemoryEffects effects, List<TransactionRecordedV1> txs) {
        return txs.stream()
                .map(t -> StoredEntity.cardKey(t.cardToken().value()))
                .distinct()
                .collect(Collectors.toMap(
                        Function.identity(),
                        k -> effects.store.get(k).orElseThrow().state()));
    }
}
