package io.cdp.trainer.eval;

import io.cdp.features.handbook.HandbookCsv;
import io.cdp.features.handbook.HandbookTransaction;
import io.cdp.scoring.metrics.CardPrecision;
import io.cdp.scoring.metrics.CardPrecision.ScoredTransaction;
import io.cdp.scoring.metrics.RankingMetrics;
import io.cdp.scoring.model.XgboostJsonParser;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.trainer.cli.Args;
import io.cdp.trainer.dataset.TrainingRows;
import io.cdp.trainer.handbook.FeatureSet;
import io.cdp.trainer.handbook.HandbookProtocol;
import io.cdp.trainer.handbook.ExtendedFeatures;
import io.cdp.trainer.train.Progress;
import io.cdp.trainer.train.TrainedModel;
import io.cdp.trainer.train.TrainingParameters;
import io.cdp.trainer.train.XgboostTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ./cdp eval handbook --data <handbook-raw dir> [--report file.html]}: reproduces the handbook's
 * Chapter 3 protocol with our features and our trainer and prints our AUC ROC, average precision and Card
 * Precision@100 beside the handbook's published rows.
 *
 * <p>Model selection stays inside the training window: the last {@code --validation-days} training days pick the
 * number of boosting rounds (early stopping on AUC-PR), then the model is refit on the whole window with that
 * many rounds. Nothing from the test period (labels, TX_FRAUD_SCENARIO) is an input; test labels only score.
 */
public final class HandbookEvalMain {

    private static final Set<String> OPTIONS = Set.of("data", "report", "features", "depth", "eta", "max-rounds",
            "early-stopping", "validation-days", "min-child-weight", "subsample", "colsample", "scale-pos-weight",
            "seed", "threads");

    private HandbookEvalMain() {
    }

    public static void main(String[] argv) throws IOException {
        Args args;
        try {
            args = new Args(argv, OPTIONS);
            args.require("data");
        } catch (IllegalArgumentException e) {
            System.err.println("usage: ./cdp eval handbook --data <dir of handbook-raw daily CSVs> [--report out.html]"
                    + " [--features handbook|extended] [--depth N] [--eta X] [--max-rounds N]\n" + e.getMessage());
            System.exit(2);
            return;
        }
        Path data = Path.of(args.require("data"));
        if (!Files.isDirectory(data)) {
            System.err.println("eval: no handbook data at " + data.toAbsolutePath()
                    + " (expected the daily CSVs 2018-06-18.csv .. 2018-08-14.csv)");
            System.exit(2);
        }
        Path report = Path.of(args.get("report", "target/handbook-eval/report.html"));
        Progress progress = Progress.stderr();
        HandbookProtocol protocol = HandbookProtocol.CHAPTER_3;
        FeatureSet featureSet = switch (args.get("features", "extended")) {
            case "handbook" -> FeatureSet.HANDBOOK;
            case "extended" -> new ExtendedFeatures();
            default -> throw new IllegalArgumentException("--features must be handbook or extended");
        };
        TrainingParameters params = new TrainingParameters(args.getInt("max-rounds", 600), args.getInt("depth", 4),
                args.getDouble("eta", 0.05), args.getDouble("min-child-weight", 1), args.getDouble("subsample", 0.8),
                args.getDouble("colsample", 0.8), args.getDouble("scale-pos-weight", 1),
                args.getInt("early-stopping", 60), "aucpr", args.getInt("threads", 2), args.getInt("seed", 0), 50);
        int validationDays = args.getInt("validation-days", 2);

        long t0 = System.nanoTime();
        List<HandbookTransaction> txs = HandbookCsv.readDays(data, protocol.historyStart(), protocol.testEnd());
        progress.report(String.format("read %,d transactions %s..%s (%.1f s)", txs.size(), protocol.historyStart(),
                protocol.testEnd(), (System.nanoTime() - t0) / 1e9));
        TrainingRows all = HandbookProtocol.featureRows(txs, featureSet);
        TrainingRows train = protocol.trainingRows(all);
        TrainingRows test = protocol.testRows(all);
        progress.report(String.format("features: %d (%s); train %,d tx / %,d frauds; test %,d tx / %,d frauds",
                featureSet.names().size(), args.get("features", "extended"), train.size(), train.positives(),
                test.size(), test.positives()));

        XgboostTrainer trainer = new XgboostTrainer(progress);
        TrainingRows fit = train.between(protocol.trainStart(), protocol.trainEnd().minusDays(validationDays));
        TrainingRows valid = train.between(protocol.trainEnd().minusDays(validationDays - 1), protocol.trainEnd());
        TrainedModel selection = trainer.train(fit, valid, params);
        progress.report(String.format("selection: %d rounds (validation AUC-PR %.4f on %s..%s); refitting on the "
                        + "whole training window", selection.rounds(), selection.bestScore(),
                protocol.trainEnd().minusDays(validationDays - 1), protocol.trainEnd()));
        TrainedModel model = trainer.train(train, null, params.withMaxRounds(selection.rounds()));

        // scoring goes through the pure-Java evaluator: the evaluation measures what production serves
        InProcessScorer scorer = new InProcessScorer("eval", featureSet.names(),
                XgboostJsonParser.parse(model.modelJson()).ensemble());
        double[] scores = scorer.scoreBatch(test.features());
        double auc = RankingMetrics.rocAuc(scores, test.labels());
        double ap = RankingMetrics.averagePrecision(scores, test.labels());
        List<ScoredTransaction> scored = new ArrayList<>(test.size());
        for (int i = 0; i < test.size(); i++) {
            scored.add(new ScoredTransaction((int) test.days()[i].toEpochDay(), test.cards()[i], scores[i],
                    test.labels()[i]));
        }
        CardPrecision.Result cp = CardPrecision.compute(scored, 100);

        List<String[]> rows = new ArrayList<>();
        for (HandbookBaselines.Row r : HandbookBaselines.ROWS) {
            rows.add(new String[] {r.model(), r.source(), f3(r.auc()), f3(r.averagePrecision()),
                    f3(r.cardPrecision100())});
        }
        String oursName = "ours: XGBoost " + model.rounds() + " trees, depth " + params.maxDepth() + ", eta "
                + params.eta() + ", " + featureSet.names().size() + " features";
        rows.add(new String[] {oursName, "this run", f3(auc), f3(ap), f3(cp.mean())});
        printTable(rows);
        HandbookBaselines.Row bar = HandbookBaselines.BAR;
        System.out.printf(Locale.ROOT, "bar (%s): auc >= %.3f, ap >= %.3f, cp100 >= %.3f -> %s%n", bar.model(),
                bar.auc(), bar.averagePrecision(), bar.cardPrecision100(),
                auc >= bar.auc() && ap >= bar.averagePrecision() && cp.mean() >= bar.cardPrecision100()
                        ? "beaten on all three" : "NOT beaten on all three");
        System.out.printf(Locale.ROOT, "daily CP@100: %s; undetected compromised cards per day (the most a day can"
                + " find): %s%n", cp.perDay().stream().map(HandbookEvalMain::f3).toList(), cp.compromisedPerDay());

        HtmlReport html = new HtmlReport("Fraud-Detection-Handbook protocol: ours vs published")
                .paragraph(String.format(Locale.ROOT, "Train %s..%s (%,d tx, %,d frauds), delay %d days, test %s..%s "
                                + "(%,d tx, %,d frauds, known-compromised cards removed). Features: %s.",
                        protocol.trainStart(), protocol.trainEnd(), train.size(), train.positives(),
                        protocol.delayDays(), protocol.testStart(), protocol.testEnd(), test.size(),
                        test.positives(), String.join(", ", featureSet.names())))
                .paragraph("Training parameters: " + model.parameters())
                .table(new String[] {"model", "source", "AUC ROC", "Average precision", "Card Precision@100"}, rows)
                .curve("ROC curve (test)", "false positive rate", "true positive rate",
                        RankingMetrics.rocCurve(scores, test.labels()), true, false)
                .curve("Precision-recall curve (test)", "recall", "precision",
                        RankingMetrics.precisionRecallCurve(scores, test.labels()), false, true)
                .bars("Feature importance (average gain per split)", model.gainImportance());
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(report, html.render());
        System.out.println("report: " + report);
        System.out.printf(Locale.ROOT, "ours auc=%.3f ap=%.3f cp100=%.3f%n", auc, ap, cp.mean());
    }

    private static void printTable(List<String[]> rows) {
        int w = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        String fmt = "%-" + w + "s  %-13s  %7s  %7s  %7s%n";
        System.out.printf(Locale.ROOT, fmt, "model", "source", "AUC", "AP", "CP@100");
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, fmt, (Object[]) r);
        }
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
