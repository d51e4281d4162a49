package io.cdp.trainer.handbook;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.handbook.HandbookCsv;
import io.cdp.scoring.artifact.ArtifactMetadata;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.artifact.Thresholds;
import io.cdp.scoring.metrics.CardPrecision;
import io.cdp.scoring.metrics.RankingMetrics;
import io.cdp.scoring.model.TreeEnsemble;
import io.cdp.scoring.model.XgboostJsonParser;
import io.cdp.trainer.options.Args;
import io.cdp.training.dataset.Fingerprint;
import io.cdp.training.dataset.TrainingRows;
import io.cdp.training.publish.ModelPublisher;
import io.cdp.training.publish.PublishedModel;
import io.cdp.training.publish.SageMakerPackage;
import io.cdp.training.train.Progress;
import io.cdp.training.train.ThresholdSelector;
import io.cdp.training.train.TrainedModel;
import io.cdp.training.train.TrainingParameters;
import io.cdp.training.train.XgboostTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./cdp train handbook --data <dir> [--train-from 2018-07-25] [--train-days 7] [--validation-days 2]
 * [--out dir] [--publish true|false]}: the batch job. Builds point-in-time features from handbook-format daily
 * CSVs, splits by time (train days, then validation days), trains with early stopping on validation, chooses the
 * decision thresholds on validation, writes the artifact and, with {@code --publish true}, publishes it to the
 * models bucket and the registry table named by {@link CdpResources}.
 */
public final class HandbookTraining {

    private static final Set<String> OPTIONS = Set.of(
            "data",
            "train-from",
            "train-days",
            "validation-days",
            "out",
            "publish",
            "model-name",
            "max-rounds",
            "depth",
            "eta");

    private HandbookTraining() {}

    /** Trains (and by default publishes) with command-line style options: the trainer job's {@code train --source handbook}. */
    public static Optional<PublishedModel> run(String[] argv, AwsClients clients, CdpResources names)
            throws IOException {
        Args args = new Args(argv, OPTIONS);
        Path data = Path.of(args.require("data"));
        LocalDate from = LocalDate.parse(args.get("train-from", "2018-07-25"));
        int trainDays = args.getInt("train-days", 7);
        int validationDays = args.getInt("validation-days", 2);
        LocalDate trainTo = from.plusDays(trainDays - 1);
        LocalDate validFrom = trainTo.plusDays(1);
        LocalDate validTo = trainTo.plusDays(validationDays);
        Progress progress = Progress.stderr();
        ExtendedFeatures features = new ExtendedFeatures();

        HandbookProtocol window = new HandbookProtocol(from, trainDays, 0, validationDays);
        TrainingRows all =
                HandbookProtocol.featureRows(HandbookCsv.readDays(data, window.historyStart(), validTo), features);
        TrainingRows train = all.between(from, trainTo);
        TrainingRows valid = all.between(validFrom, validTo);
        progress.report(String.format(
                "train %s..%s: %,d rows, %,d frauds; validation %s..%s: %,d rows, %,d frauds",
                from, trainTo, train.size(), train.positives(), validFrom, validTo, valid.size(), valid.positives()));

        TrainingParameters params = TrainingParameters.defaults()
                .withTree(args.getInt("depth", 4), args.getDouble("eta", 0.05))
                .withMaxRounds(args.getInt("max-rounds", 600));
        TrainedModel model = new XgboostTrainer(progress).train(train, valid, params);
        TreeEnsemble ensemble = XgboostJsonParser.parse(model.modelJson()).ensemble();
        double[] scores = new double[valid.size()];
        List<CardPrecision.ScoredTransaction> scored = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            scores[i] = ensemble.predict(valid.features()[i]);
            scored.add(new CardPrecision.ScoredTransaction(
                    (int) valid.days()[i].toEpochDay(), valid.cards()[i], scores[i], valid.labels()[i]));
        }
        Map<String, Double> metrics = new HashMap<>();
        metrics.put("validation.auc", RankingMetrics.rocAuc(scores, valid.labels()));
        metrics.put("validation.ap", RankingMetrics.averagePrecision(scores, valid.labels()));
        metrics.put("validation.cp100", CardPrecision.compute(scored, 100).mean());
        Thresholds thresholds = ThresholdSelector.standard().select(scores, valid.labels());

        Instant now = Instant.now();
        String fingerprint = Fingerprint.of(train);
        String version = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .withZone(ZoneOffset.UTC)
                        .format(now) + "-" + fingerprint.substring(0, 8);
        ArtifactMetadata meta = new ArtifactMetadata(
                version,
                args.get("model-name", "fraud-handbook"),
                features.names(),
                from,
                trainTo,
                metrics,
                thresholds,
                fingerprint,
                "3.4.0",
                model.parameters(),
                now);
        ModelArtifact artifact = new ModelArtifact(meta, model.modelJson());
        Path out = Path.of(args.get("out", "target/model-artifact")).resolve(version);
        artifact.writeDirectory(out);
        Files.write(
                out.resolve(ModelPublisher.SAGEMAKER_TAR),
                SageMakerPackage.modelTarGz(model.modelBinary(), now.getEpochSecond()));
        System.out.printf(
                "model %s: %d trees, validation auc=%.3f ap=%.3f cp100=%.3f; thresholds review=%.4f "
                        + "alert=%.4f decline=%.4f; artifact %s%n",
                version,
                model.rounds(),
                metrics.get("validation.auc"),
                metrics.get("validation.ap"),
                metrics.get("validation.cp100"),
                thresholds.review(),
                thresholds.alert(),
                thresholds.decline(),
                out);

        if (Boolean.parseBoolean(args.get("publish", "true"))) {
            try (var s3 = clients.s3();
                    var dynamoDb = clients.dynamoDb()) {
                PublishedModel published = new ModelPublisher(
                                s3,
                                dynamoDb,
                                names.bucket(CdpResources.Bucket.MODELS),
                                names.table(CdpResources.Table.MODELS))
                        .publish(artifact, model.modelBinary());
                System.out.println("published " + published);
                return Optional.of(published);
            }
        }
        return Optional.empty();
    }
}
