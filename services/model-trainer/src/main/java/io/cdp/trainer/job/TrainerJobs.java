package io.cdp.trainer.job;

import io.cdp.aws.AwsClients;
import io.cdp.customers.analytics.SegmentModel;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.lake.labels.LabelEvidence;
import io.cdp.lake.labels.LabelEvidenceTable;
import io.cdp.lake.labels.LabelPolicy;
import io.cdp.scoring.artifact.ArtifactMetadata;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.trainer.clv.ClvTrainer;
import io.cdp.trainer.clv.Histories;
import io.cdp.trainer.customers.CustomerModels;
import io.cdp.trainer.eval.HandbookEvaluation;
import io.cdp.trainer.handbook.HandbookTraining;
import io.cdp.trainer.loop.DriftMetrics;
import io.cdp.trainer.loop.ModelMetrics;
import io.cdp.trainer.loop.PromotionPolicy;
import io.cdp.trainer.loop.RetrainRun;
import io.cdp.trainer.loop.Retraining;
import io.cdp.trainer.online.FeatureBackfill;
import io.cdp.trainer.online.LakeTraining;
import io.cdp.trainer.online.TemporalSplit;
import io.cdp.training.online.OnlineCardTrainer;
import io.cdp.training.publish.ModelPublisher;
import io.cdp.training.publish.PublishedModel;
import io.cdp.training.synthetic.SyntheticModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Runs the configured job once. Exit status 0 when it did what it was asked, 2 for a configuration the job cannot
 * run with (and a line saying what to set), 1 when it failed.
 */
@Component
class TrainerJobs implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(TrainerJobs.class);

    private final TrainerProperties properties;
    private final AwsClients clients;
    private final CdpResources names;
    private int exitCode;

    TrainerJobs(TrainerProperties properties, AwsClients clients, CdpResources names) {
        this.properties = properties;
        this.clients = clients;
        this.names = names;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        exitCode = switch (properties.job()) {
            case "train" -> train();
            case "evaluate" -> evaluate();
            case "publish" -> publish();
            case "backfill" -> backfill();
            case "retrain" -> retrain();
            default ->
                refuse("unknown cdp.trainer.job '" + properties.job()
                        + "': use train, evaluate, publish, backfill or retrain");
        };
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private int train() throws IOException {
        return switch (properties.source()) {
            case "lake", "online" -> trainLake();
            case "synthetic" -> trainSynthetic();
            case "segments" -> trainCustomerModel(CustomerModels.SEGMENTS);
            case "clv" -> trainCustomerModel(CustomerModels.CLV);
            case "handbook" -> {
                if (properties.data() == null) {
                    yield refuse("train --source handbook needs cdp.trainer.data (the handbook's daily CSVs)");
                }
                List<String> argv =
                        new ArrayList<>(List.of("--data", properties.data().toString()));
                argv.addAll(properties.options());
                HandbookTraining.run(argv.toArray(String[]::new), clients, names)
                        .ifPresentOrElse(this::promoteIfAsked, () -> {
                            if (properties.promote()) {
                                System.out.println("not promoted: the model was not published (--publish false)");
                            }
                        });
                yield 0;
            }
            default ->
                refuse("unknown cdp.trainer.source '" + properties.source()
                        + "': use lake (or online), synthetic, handbook, segments or clv");
        };
    }

    /**
     * The online card model on the bank's own history in the lake: the transformer's features, the last days
     * validating, thresholds for the configured share of transactions alerted.
     */
    private int trainLake() {
        List<OnlineTransaction> history;
        OnlineCardTrainer.Trained trained;
        TemporalSplit split;
        try {
            history = LakeTraining.history(clients.s3(), names.bucket(CdpResources.Bucket.LAKE));
            split = TemporalSplit.forTraining(history, properties.validationShare());
            trained = LakeTraining.train(
                    history,
                    split,
                    properties.alertShare(),
                    properties.declineShare(),
                    message -> log.info("trainer: {}", message));
        } catch (IllegalStateException e) {
            return refuse(e.getMessage());
        }
        PublishedModel published = OnlineCardTrainer.publish(
                clients.s3(),
                clients.dynamoDb(),
                names.bucket(CdpResources.Bucket.MODELS),
                names.table(CdpResources.Table.MODELS),
                trained);
        ArtifactMetadata meta = trained.artifact().metadata();
        long frauds = history.stream().filter(OnlineTransaction::fraudLabel).count();
        System.out.printf(
                "registered %s %s from the lake's history: %,d transactions (%,d fraud) %s..%s, validation from"
                        + " %s: auc=%.3f ap=%.3f; %s%n",
                published.modelName(),
                published.version(),
                history.size(),
                frauds,
                split.from(),
                split.to(),
                split.validationFrom(),
                meta.metrics().get("validation.auc"),
                meta.metrics().get("validation.ap"),
                meta.thresholds().operatingPoint());
        promoteIfAsked(published);
        return 0;
    }

    /** The customer segments or lifetime-value model on the lake's card transactions, registered under its name. */
    private int trainCustomerModel(String modelName) {
        List<Histories.History> histories;
        try {
            histories = CustomerModels.histories(
                    LakeTraining.history(clients.s3(), names.bucket(CdpResources.Bucket.LAKE)));
            if (histories.isEmpty()) {
                return refuse("the lake holds no customer transactions to learn " + modelName + " from");
            }
        } catch (IllegalStateException e) {
            return refuse(e.getMessage());
        }
        LocalDate from = histories.stream()
                .map(Histories.History::firstSeen)
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate to = CustomerModels.lastDay(histories);
        String version = CustomerModels.version(modelName, to, Instant.now());
        byte[] artifact;
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        String summary;
        try {
            if (modelName.equals(CustomerModels.SEGMENTS)) {
                SegmentModel model = CustomerModels.segments(histories, version);
                artifact = model.toJson();
                metrics.put("customers", (double) model.fittedCustomers());
                parameters.put("clusters", Integer.toString(model.clusters().size()));
                parameters.put("seed", Long.toString(CustomerModels.SEED));
                StringBuilder text = new StringBuilder();
                for (SegmentModel.Cluster c : model.clusters()) {
                    text.append(String.format("%n  cluster %d (%d customers): %s", c.id(), c.size(), c.description()));
                }
                summary = model.fittedCustomers() + " customers, "
                        + model.clusters().size() + " clusters" + text;
            } else {
                ClvTrainer.Result result =
                        CustomerModels.clv(histories, version, message -> log.info("trainer: {}", message));
                artifact = result.model().write();
                metrics.put("validation.spearman", result.validation().spearman());
                metrics.put("validation.gini", result.validation().gini());
                metrics.put("validation.mae", result.validation().mae());
                metrics.put("validation.top_decile_capture", result.validation().topDecileCapture());
                parameters.put("horizonDays", Integer.toString(result.model().horizonDays()));
                parameters.put("rounds", Integer.toString(result.rounds()));
                parameters.put("power", Double.toString(result.power()));
                summary = String.format(
                        "%d customers, %d training rows, %d trees, validation spearman=%.3f gini=%.3f",
                        histories.size(),
                        result.trainingRows(),
                        result.rounds(),
                        result.validation().spearman(),
                        result.validation().gini());
            }
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
        PublishedModel published = CustomerModels.publish(
                clients.s3(),
                clients.dynamoDb(),
                names.bucket(CdpResources.Bucket.MODELS),
                names.table(CdpResources.Table.MODELS),
                modelName,
                version,
                artifact,
                from,
                to,
                metrics,
                parameters);
        System.out.printf(
                "registered %s %s from the lake's history %s..%s: %s%n", modelName, version, from, to, summary);
        promoteIfAsked(published);
        return 0;
    }

    /** {@link #retrainOnce()}, again every {@code schedule} when one is set. */
    private int retrain() throws InterruptedException {
        while (true) {
            int code = retrainOnce();
            if (code != 0 || properties.schedule() == null) {
                return code;
            }
            log.info("trainer: next retraining in {}", properties.schedule());
            Thread.sleep(properties.schedule().toMillis());
        }
    }

    /**
     * The closed loop once: the lake's history with labels joined from its evidence as of now, a challenger against
     * the serving version on the latest fully-labelled week, the policy's decision (recorded on both versions, applied
     * when automatic), drift recorded on the champion and sent as metrics.
     */
    private int retrainOnce() {
        String lake = names.bucket(CdpResources.Bucket.LAKE);
        LakeTraining.History lakeHistory;
        try {
            lakeHistory = LakeTraining.historyWithLive(clients.s3(), lake);
        } catch (IllegalStateException e) {
            return refuse(e.getMessage());
        }
        List<OnlineTransaction> history = lakeHistory.transactions();
        List<LabelEvidence> evidence = LabelEvidenceTable.readAll(clients.s3(), lake);
        RetrainRun.Settings settings = new RetrainRun.Settings(
                new LabelPolicy(Duration.ofDays(properties.labelDelayDays())),
                new PromotionPolicy(
                        properties.primaryMetric(), properties.promotionMargin(), properties.promotionTolerance()),
                properties.trainDays(),
                properties.validationDays(),
                properties.alertShare(),
                properties.declineShare(),
                properties.autoPromote(),
                properties.shadowDays());
        Instant now = Instant.now();
        RetrainRun.Outcome outcome;
        try {
            outcome = new RetrainRun(
                            clients.s3(),
                            clients.dynamoDb(),
                            names.bucket(CdpResources.Bucket.MODELS),
                            names.table(CdpResources.Table.MODELS))
                    .run(history, evidence, now, now, settings, message -> log.info("trainer: {}", message));
        } catch (IllegalStateException e) {
            return refuse(e.getMessage());
        }
        Retraining.Challenge c = outcome.challenge();
        System.out.printf(
                Locale.ROOT,
                "retrained on %,d transactions (%,d extracted, %,d from the live days the stream scored), %,d"
                        + " evidence records: challenger %s vs champion %s on %s..%s%n",
                history.size(),
                lakeHistory.extracted(),
                lakeHistory.live(),
                evidence.size(),
                outcome.challenger().version(),
                outcome.championVersion(),
                c.windows().evalFrom(),
                c.windows().evalTo());
        for (String m : ModelMetrics.COMPARED) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-16s champion %.4f  challenger %.4f%n",
                    m,
                    c.champion().get(m),
                    c.challengerMetrics().get(m));
        }
        System.out.printf(
                Locale.ROOT,
                "drift %s: psi max %.4f (%s), score psi %.4f%n",
                outcome.driftStatus(),
                c.maxPsi().getValue(),
                c.maxPsi().getKey(),
                c.scorePsi());
        if (outcome.shadowDecision() != null) {
            System.out.println("shadow " + (outcome.shadowPromoted() ? "promoted: " : "not promoted: ")
                    + outcome.shadowDecision().reason());
        }
        System.out.println(
                "challenger " + outcome.verdict() + ": " + outcome.decision().reason());
        if (outcome.shadowVersion() != null) {
            System.out.println("shadowing: " + outcome.shadowVersion() + " (the stream transformer scores it beside the"
                    + " live version; a retraining " + properties.shadowDays() + " days after it began decides)");
        }
        DriftMetrics.publish(clients, c, outcome.driftStatus());
        return 0;
    }

    /** Every card's state at the end of the lake's history into the feature store (cards already there stay). */
    private int backfill() {
        List<OnlineTransaction> history;
        try {
            history = LakeTraining.history(clients.s3(), names.bucket(CdpResources.Bucket.LAKE));
        } catch (IllegalStateException e) {
            return refuse(e.getMessage());
        }
        FeatureBackfill.Result result = FeatureBackfill.run(
                clients.dynamoDb(), names.table(CdpResources.Table.FEATURES), history, Clock.systemUTC());
        System.out.printf(
                "backfilled the feature store from %,d transactions: %,d cards written, %,d already there%n",
                history.size(), result.written(), result.alreadyThere());
        return 0;
    }

    /** The online card model on generated history: a first model for a stack that has no history of its own yet. */
    private int trainSynthetic() {
        OnlineCardTrainer.Trained trained = SyntheticModels.takeovers(
                properties.seed(), properties.cards(), message -> log.info("trainer: {}", message));
        PublishedModel published = SyntheticModels.publish(clients.s3(), clients.dynamoDb(), names, trained);
        ArtifactMetadata meta = trained.artifact().metadata();
        System.out.printf(
                "registered %s %s (synthetic history, %d rows, %d trees): validation auc=%.3f ap=%.3f, alert "
                        + "threshold %.4f%n",
                published.modelName(),
                published.version(),
                trained.rows(),
                trained.trees(),
                meta.metrics().get("validation.auc"),
                meta.metrics().get("validation.ap"),
                meta.thresholds().alert());
        promoteIfAsked(published);
        return 0;
    }

    private int evaluate() throws IOException {
        if (properties.data() == null) {
            return refuse("evaluate needs cdp.trainer.data (the handbook's daily CSVs)");
        }
        List<String> argv = new ArrayList<>(List.of("--data", properties.data().toString()));
        argv.addAll(properties.options());
        return HandbookEvaluation.run(argv.toArray(String[]::new));
    }

    /** Registers an artifact directory (model.json, metadata.json, model.tar.gz) written by a training run. */
    private int publish() throws IOException {
        Path dir = properties.artifact();
        if (dir == null || !Files.isRegularFile(dir.resolve(ModelArtifact.METADATA_FILE))) {
            return refuse("publish needs cdp.trainer.artifact, a directory with " + ModelArtifact.MODEL_FILE + ", "
                    + ModelArtifact.METADATA_FILE + " and " + ModelPublisher.SAGEMAKER_TAR);
        }
        ModelArtifact artifact = ModelArtifact.read(dir);
        PublishedModel published = new ModelPublisher(
                        clients.s3(),
                        clients.dynamoDb(),
                        names.bucket(CdpResources.Bucket.MODELS),
                        names.table(CdpResources.Table.MODELS))
                .publishPackaged(artifact, Files.readAllBytes(dir.resolve(ModelPublisher.SAGEMAKER_TAR)));
        System.out.println("registered " + published.modelName() + " " + published.version());
        promoteIfAsked(published);
        return 0;
    }

    private void promoteIfAsked(PublishedModel published) {
        if (!properties.promote()) {
            System.out.println("status REGISTERED: promote it with './cdp promote " + published.version()
                    + "' or POST /v1/models/" + published.version() + "/promotion");
            return;
        }
        new ModelRegistry(clients.dynamoDb(), names.table(CdpResources.Table.MODELS), published.modelName())
                .promote(published.version(), Instant.now());
        System.out.println("promoted " + published.modelName() + " " + published.version() + ": it serves now"
                + (published.modelName().equals(OnlineFeatures.MODEL_NAME)
                        ? " (stream transformer and scoring API)"
                        : ""));
    }

    private static int refuse(String why) {
        System.err.println("trainer: " + why);
        return 2;
    }
}
