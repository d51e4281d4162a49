package io.cdp.trainer.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.datagen.DriftScenario;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.WireTransactions;
import io.cdp.lake.LakeLayout;
import io.cdp.lake.ParquetFiles;
import io.cdp.lake.RawTransactions;
import io.cdp.lake.ScoredTransactions;
import io.cdp.lake.labels.LabelEvidence;
import io.cdp.lake.labels.LabelEvidenceTable;
import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.scoring.registry.ModelStatus;
import io.cdp.trainer.TrainerApplication;
import io.cdp.trainer.online.LakeTraining;
import io.cdp.training.online.OnlineCardTrainer;
import io.cdp.training.publish.PublishedModel;
import io.cdp.training.train.Progress;
import io.cdp.training.train.ThresholdSelector;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The {@code retrain} job on a lake as the platform fills it: core banking's raw history, the stream's scored rows,
 * label evidence (chargebacks) under {@code labels/evidence/}. Refused without a live champion; with one, the
 * challenger is registered with its lineage, the decision recorded on both versions, drift on the champion; a
 * challenger that passes shadows first, and a later run decides on it.
 */
@AwsEmulatorTest
class RetrainJobIT {

    private static int run(CdpResources names, AwsEmulator emulator, String... jobArguments) {
        List<String> args = new ArrayList<>(List.of(
                "--cdp.aws.endpoint=" + emulator.endpoint(),
                "--cdp.aws.namespace=" + names.namespace(),
                "--logging.structured.format.console="));
        args.addAll(List.of(jobArguments));
        return SpringApplication.exit(SpringApplication.run(TrainerApplication.class, args.toArray(String[]::new)));
    }

    /**
     * The columns of the stream's scored table the retraining reads (the transformer writes more): the score, and the
     * wire event's fields the live days are learnt from.
     */
    private static final MessageType SCORED = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("customerToken")
            .required(PrimitiveTypeName.DOUBLE)
            .named("amount")
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("currency")
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("merchantId")
            .required(PrimitiveTypeName.INT32)
            .named("mcc")
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("channel")
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("merchantCity")
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("merchantState")
            .optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("merchantZip")
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("errors")
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("transactionId")
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("cardToken")
            .required(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
            .named("transactionTime")
            .required(PrimitiveTypeName.DOUBLE)
            .named("score")
            .required(PrimitiveTypeName.BOOLEAN)
            .named("alert")
            .required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named("modelVersion")
            .named("scored_transaction");

    /** Whether the policy passed the challenger (to serve now, or to shadow first). */
    private static boolean passed(List<Map<String, String>> decisions) {
        return !"KEEP_CHAMPION".equals(decisions.getFirst().get("verdict"));
    }

    @Test
    void retrainsAgainstTheLiveModelAndRecordsDecisionLineageAndDrift(
            AwsClients clients, CdpResources names, AwsEmulator emulator) {
        String lake = names.bucket(CdpResources.Bucket.LAKE);
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(50);
        DriftScenario.Generated generated =
                DriftScenario.generate(new DriftScenario.Options(11, 150, from, 50, 2.5, 1.0, 25, 2));
        List<TransactionRecordedV1> history = generated.transactions();
        // core banking extracted the first 40 days; the last 10 exist only as the stream scored them
        List<TransactionRecordedV1> extracted = history.stream()
                .filter(t ->
                        LocalDate.ofInstant(t.transactionTime(), ZoneOffset.UTC).isBefore(from.plusDays(40)))
                .toList();
        clients.s3()
                .putObject(
                        b -> b.bucket(lake)
                                .key(LakeLayout.rawTransactionsPartition(
                                                history.getFirst().transactionTime()) + "ext-1.parquet"),
                        RequestBody.fromBytes(RawTransactions.toParquet(extracted)));
        assertThat(run(names, emulator, "--cdp.trainer.job=retrain"))
                .as("no live model to challenge: refused")
                .isEqualTo(2);

        // the first champion on the first 25 days, promoted
        var online = WireTransactions.online(history);
        OnlineCardTrainer.Trained first = OnlineCardTrainer.train(
                new OnlineCardTrainer.Plan(
                        online.stream()
                                .filter(t -> Retraining.day(t).isBefore(from.plusDays(25)))
                                .toList(),
                        from.plusDays(7),
                        from.plusDays(21),
                        from.plusDays(24),
                        ThresholdSelector.byAlertShare(0.04, 0.004),
                        LakeTraining.PARAMETERS),
                Progress.silent());
        PublishedModel champion = OnlineCardTrainer.publish(
                clients.s3(),
                clients.dynamoDb(),
                names.bucket(CdpResources.Bucket.MODELS),
                names.table(CdpResources.Table.MODELS),
                first);
        ModelRegistry registry = new ModelRegistry(
                clients.dynamoDb(), names.table(CdpResources.Table.MODELS), OnlineFeatures.MODEL_NAME);
        registry.promote(champion.version(), Instant.now());

        // the stream scored the days from go-live; chargebacks arrive 2 to 10 days after each fraud
        List<TransactionRecordedV1> scored = history.stream()
                .filter(t -> !LocalDate.ofInstant(t.transactionTime(), ZoneOffset.UTC)
                        .isBefore(from.plusDays(25)))
                .toList();
        byte[] scoredParquet = ParquetFiles.write(SCORED, scored, (t, w) -> {
            w.write("transactionId", t.transactionId());
            w.write("cardToken", t.cardToken().value());
            w.write("transactionTime", t.transactionTime().toEpochMilli());
            w.write("score", 0.1);
            w.write("alert", false);
            w.write("modelVersion", champion.version());
            w.write("customerToken", t.customerToken().value());
            w.write("amount", t.amount().doubleValue());
            w.write("currency", t.currency());
            w.write("merchantId", t.merchantId());
            w.write("mcc", t.mcc());
            w.write("channel", t.channel().name());
            if (t.merchantCity() != null) {
                w.write("merchantCity", t.merchantCity());
            }
            if (t.merchantState() != null) {
                w.write("merchantState", t.merchantState());
            }
            if (t.merchantZip() != null) {
                w.write("merchantZip", t.merchantZip());
            }
            w.write("errors", String.join(RawTransactions.ERROR_SEPARATOR, t.errors()));
        });
        clients.s3()
                .putObject(
                        b -> b.bucket(lake).key(LakeLayout.SCORED + "day=" + from.plusDays(25) + "/s/0-1.parquet"),
                        RequestBody.fromBytes(scoredParquet));
        Random random = new Random(3);
        List<LabelEvidence> chargebacks = history.stream()
                .filter(t -> Boolean.TRUE.equals(t.fraudLabel()))
                .map(t -> LabelEvidence.chargeback(
                        t.transactionId(),
                        t.transactionTime().plus(Duration.ofDays(2 + random.nextInt(9))),
                        "cb-" + t.transactionId()))
                .filter(e -> e.knownAt().isBefore(Instant.now()))
                .toList();
        assertThat(LabelEvidenceTable.write(clients.s3(), lake, "batch-1", chargebacks))
                .isNotEmpty();
        assertThat(ScoredTransactions.readAll(clients.s3(), lake)).hasSize(scored.size());
        assertThat(LabelEvidenceTable.readAll(clients.s3(), lake)).hasSize(chargebacks.size());

        assertThat(run(
                        names,
                        emulator,
                        "--cdp.trainer.job=retrain",
                        "--cdp.trainer.alert-share=0.04",
                        "--cdp.trainer.decline-share=0.004"))
                .isZero();

        ModelEntry challenger = registry.list().stream()
                .filter(e -> !e.version().equals(champion.version()))
                .findFirst()
                .orElseThrow();
        Map<String, String> lineage = registry.note(challenger.version(), "lineage");
        assertThat(lineage)
                .containsEntry("challenged", champion.version())
                .containsEntry("featureSet", "online-card v1")
                .containsEntry("labelDelay", "PT168H")
                .containsKeys("dataWindow", "evaluationWeek", "codeVersion");
        // the history is the extraction and the live days after it, each transaction once
        assertThat(lineage.get("history"))
                .isEqualTo(from + ".." + from.plusDays(49) + " (" + history.size() + " transactions)");
        assertThat(ScoredTransactions.transactions(clients.s3(), lake)).hasSize(scored.size());
        assertThat(Long.parseLong(lineage.get("labelsFraud"))).isPositive();
        List<Map<String, String>> decisions = registry.decisions(champion.version());
        assertThat(decisions).hasSize(1);
        assertThat(decisions.getFirst())
                .containsEntry("challenger", challenger.version())
                .containsKeys("verdict", "reason", "champion.recall_at_alert", "challenger.recall_at_alert");
        assertThat(registry.decisions(challenger.version())).isEqualTo(decisions);
        String report = clients.s3()
                .getObjectAsBytes(b -> b.bucket(names.bucket(CdpResources.Bucket.MODELS))
                        .key(DecisionReport.key(OnlineFeatures.MODEL_NAME, challenger.version())))
                .asUtf8String();
        assertThat(decisions.getFirst().get("report")).endsWith(challenger.version() + ".html");
        assertThat(report)
                .contains("ROC, champion", "Precision-recall, challenger", "Card Precision@100 by day", "<svg")
                .contains("Decision: "
                        + (passed(decisions) ? "shadow the live version for 7 days first" : "keep the champion"));
        assertThat(registry.note(champion.version(), "drift")).containsKeys("status", "psiMax", "psi.mcc_risk");
        // a challenger that passed the policy shadows for the default 7 days: nothing serves it yet
        String verdict = decisions.getFirst().get("verdict");
        assertThat(verdict).isIn("SHADOW", "KEEP_CHAMPION");
        assertThat(decisions.getFirst()).containsEntry("promoted", "false");
        assertThat(registry.serving().orElseThrow().version()).isEqualTo(champion.version());
        assertThat(challenger.status())
                .isEqualTo(verdict.equals("SHADOW") ? ModelStatus.SHADOW : ModelStatus.REGISTERED);
        if (!verdict.equals("SHADOW")) {
            return;
        }
        assertThat(decisions.getFirst()).containsEntry("shadowDays", "7");
        assertThat(registry.shadowing().orElseThrow().version()).isEqualTo(challenger.version());
        assertThat(registry.shadowSince(challenger.version())).isPresent();

        // the next retraining with the shadow's days up (0 here) measures it again and decides
        assertThat(run(
                        names,
                        emulator,
                        "--cdp.trainer.job=retrain",
                        "--cdp.trainer.shadow-days=0",
                        "--cdp.trainer.alert-share=0.04",
                        "--cdp.trainer.decline-share=0.004"))
                .isZero();
        // the decision about the shadow (the new challenger's, if the shadow now serves, is recorded on it too)
        Map<String, String> onShadow = registry.decisions(challenger.version()).stream()
                .filter(d -> challenger.version().equals(d.get("challenger")) && d.containsKey("shadowedDays"))
                .findFirst()
                .orElseThrow();
        assertThat(onShadow)
                .containsEntry("challenger", challenger.version())
                .containsEntry("champion", champion.version())
                .containsKeys("shadowedDays", "reason", "challenger.recall_at_alert");
        boolean promoted = Boolean.parseBoolean(onShadow.get("promoted"));
        assertThat(onShadow.get("verdict")).isEqualTo(promoted ? "PROMOTE" : "KEEP_CHAMPION");
        ModelEntry after = registry.get(challenger.version()).orElseThrow();
        assertThat(after.status()).isEqualTo(promoted ? ModelStatus.LIVE : ModelStatus.REGISTERED);
        // the third version, trained in the second run, went straight to its verdict with shadow days 0
        assertThat(registry.list()).hasSize(3);
        String serving = registry.serving().orElseThrow().version();
        assertThat(serving).isNotEqualTo(promoted ? champion.version() : challenger.version());
    }
}
