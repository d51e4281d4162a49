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
import io.cdp.trainer.handbook.FraudContextFeatures;
import io.cdp.trainer.handbook.TerminalStreakFeatures;
import io.cdp.scoring.model.TreeEnsemble;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * {@code ./cdp eval handbook --data <handbook-raw dir> [--report file.html] [--folds N]}: reproduces the handbook's
 * Chapter 3 protocol with our features and our trainer and prints our AUC ROC, average precision and Card
 * Precision@100 beside the handbook's published rows.
 *
 * <p>Model selection is the handbook's Chapter 5 prequential validation and never looks at the test week: fold k
 * (k = 1..N) is the same train 7 days / delay 7 days / assess 7 days protocol shifted back k weeks, so every
 * validation week ends before the test week starts (fold 1 assesses 2018-08-01..07, fold 2 2018-07-25..31, ...),
 * with the known-compromised cards removed the same way. Every configuration of a small grid (feature set, depth,
 * eta, number of trees) is trained on each fold's training week and scored on its validation week; the one with
 * the best mean validation Card Precision@100 (ties: mean average precision) is trained once on the official
 * training week and evaluated once on the test week. Nothing from the test period (labels, TX_FRAUD_SCENARIO) is an
 * input; test labels only score.
 */
public final class HandbookEvalMain {

    private static final Set<String> OPTIONS = Set.of("data", "report", "folds", "threads", "seed", "model-out");
    private static final int[] DEPTHS = {3, 4};
    private static final double[] ETAS = {0.1};
    private static final int[] TREES = {50, 100, 150, 200, 300};

    private HandbookEvalMain() {
    }

    /** One point of the grid. */
    record Config(String features, int depth, double eta, int trees) {
        String label() {
            return String.format(Locale.ROOT, "%-18s depth %d  eta %.2f  %3d trees", features, depth, eta, trees);
        }
    }

    /** AUC, AP and CP@100 of one scored week. */
    record Scores(double auc, double ap, double cp) {
    }

    public static void main(String[] argv) throws IOException {
        Args args;
        try {
            args = new Args(argv, OPTIONS);
            args.require("data");
        } catch (IllegalArgumentException e) {
            System.err.println("usage: ./cdp eval handbook --data <dir of handbook-raw daily CSVs> [--report out.html]"
                    + " [--folds N (validation weeks, default 3)] [--model-out model.json]\n" + e.getMessage());
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
        Path modelOut = Path.of(args.get("model-out", "target/handbook-eval/model.json"));
        int folds = args.getInt("folds", 3);
        int threads = args.getInt("threads", 2);
        int seed = args.getInt("seed", 0);
        Progress progress = Progress.stderr();
        HandbookProtocol protocol = HandbookProtocol.CHAPTER_3;
        List<HandbookProtocol> validation = new ArrayList<>();
        for (int k = 1; k <= folds; k++) {
            validation.add(new HandbookProtocol(protocol.trainStart().minusWeeks(k), protocol.trainDays(),
                    protocol.delayDays(), protocol.testDays()));
        }

        long t0 = System.nanoTime();
        // the earliest day the oldest fold's windows look at, or the first day the data has (shorter windows then)
        LocalDate from = validation.isEmpty() ? protocol.historyStart() : validation.getLast().historyStart();
        while (!Files.isRegularFile(data.resolve(from + ".csv")) && from.isBefore(protocol.historyStart())) {
            from = from.plusDays(1);
        }
        List<HandbookTransaction> txs = HandbookCsv.readDays(data, from, protocol.testEnd());
        progress.report(String.format("read %,d transactions %s..%s (%.1f s)", txs.size(), from,
                protocol.testEnd(), (System.nanoTime() - t0) / 1e9));
        FeatureSet widest = new FraudContextFeatures();
        TrainingRows all = HandbookProtocol.featureRows(txs, widest);
        Map<String, List<String>> featureSets = new LinkedHashMap<>();
        featureSets.put("extended", new ExtendedFeatures().names());
        featureSets.put("extended+terminal", new TerminalStreakFeatures().names());
        featureSets.put("extended+context", widest.names());
        progress.report(String.format("features computed (%d columns, %.1f s)", widest.names().size(),
                (System.nanoTime() - t0) / 1e9));

        // ---- prequential validation: only weeks before the test week
        XgboostTrainer trainer = new XgboostTrainer(Progress.silent());
        Map<Config, List<Scores>> byConfig = new LinkedHashMap<>();
        for (HandbookProtocol fold : validation) {
            TrainingRows foldTrain = fold.trainingRows(all);
            TrainingRows foldValid = fold.testRows(all);
            progress.report(String.format("fold: train %s..%s (%,d tx / %,d frauds), validate %s..%s (%,d tx / %,d "
                            + "frauds)", fold.trainStart(), fold.trainEnd(), foldTrain.size(), foldTrain.positives(),
                    fold.testStart(), fold.testEnd(), foldValid.size(), foldValid.positives()));
            for (Map.Entry<String, List<String>> fs : featureSets.entrySet()) {
                TrainingRows tr = foldTrain.select(fs.getValue());
                TrainingRows va = foldValid.select(fs.getValue());
                float[][] validRows = va.floatRows();
                for (int depth : DEPTHS) {
                    for (double eta : ETAS) {
                        TrainedModel m = trainer.train(tr, null, parameters(TREES[TREES.length - 1], depth, eta,
                                threads, seed));
                        TreeEnsemble ensemble = XgboostJsonParser.parse(m.modelJson()).ensemble();
                        progress.report(String.format(Locale.ROOT, "  %s depth %d eta %.2f trained (%.1f s)",
                                fs.getKey(), depth, eta, (System.nanoTime() - t0) / 1e9));
                        for (int trees : TREES) {
                            Scores sc = score(ensemble.firstTrees(trees), validRows, va);
                            byConfig.computeIfAbsent(new Config(fs.getKey(), depth, eta, trees),
                                    c -> new ArrayList<>()).add(sc);
                        }
                    }
                }
            }
            progress.report(String.format("fold done (%.1f s)", (System.nanoTime() - t0) / 1e9));
        }
        Config chosen = null;
        double bestCp = -1;
        double bestAp = -1;
        System.out.printf(Locale.ROOT, "validation (prequential, %d folds of train 7 d / delay 7 d / validate 7 d, "
                + "validation weeks %s; mean over folds):%n", folds, validation.stream()
                .map(f -> f.testStart() + ".." + f.testEnd()).toList());
        String vfmt = "%-50s  %7s  %7s  %7s  %s%n";
        System.out.printf(Locale.ROOT, vfmt, "config", "AUC", "AP", "CP@100", "CP@100 per fold");
        for (Map.Entry<Config, List<Scores>> e : byConfig.entrySet()) {
            List<Scores> s = e.getValue();
            double auc = s.stream().mapToDouble(Scores::auc).average().orElse(Double.NaN);
            double ap = s.stream().mapToDouble(Scores::ap).average().orElse(Double.NaN);
            double cp = s.stream().mapToDouble(Scores::cp).average().orElse(Double.NaN);
            System.out.printf(Locale.ROOT, vfmt, e.getKey().label(), f3(auc), f3(ap), f3(cp),
                    s.stream().map(x -> f3(x.cp())).toList());
            if (cp > bestCp || (cp == bestCp && ap > bestAp)) {
                chosen = e.getKey();
                bestCp = cp;
                bestAp = ap;
            }
        }
        if (chosen == null) {
            chosen = new Config("extended", 4, 0.05, 100);
        }
        System.out.printf(Locale.ROOT, "selected by mean validation CP@100 (ties: AP): %s (CP@100 %.3f, AP %.3f)%n",
                chosen.label(), bestCp, bestAp);

        // ---- the one training on the official week and the one evaluation on the test week
        TrainingRows train = protocol.trainingRows(all).select(featureSets.get(chosen.features()));
        TrainingRows test = protocol.testRows(all).select(featureSets.get(chosen.features()));
        progress.report(String.format("final: train %,d tx / %,d frauds; test %,d tx / %,d frauds", train.size(),
                train.positives(), test.size(), test.positives()));
        TrainingParameters params = parameters(chosen.trees(), chosen.depth(), chosen.eta(), threads, seed);
        TrainedModel model = trainer.train(train, null, params);
        List<String> featureNames = train.featureNames();

        // scoring goes through the pure-Java evaluator: the evaluation measures what production serves
        InProcessScorer scorer = new InProcessScorer("eval", featureNames,
                XgboostJsonParser.parse(model.modelJson()).ensemble());
        double[] scores = scorer.scoreBatch(test.features());
        double auc = RankingMetrics.rocAuc(scores, test.labels());
        double ap = RankingMetrics.averagePrecision(scores, test.labels());
        CardPrecision.Result cp = CardPrecision.compute(scored(test, scores), 100);
        Path modelParent = modelOut.toAbsolutePath().getParent();
        if (modelParent != null) {
            Files.createDirectories(modelParent);
        }
        Files.write(modelOut, model.modelJson());

        List<String[]> rows = new ArrayList<>();
        for (HandbookBaselines.Row r : HandbookBaselines.ROWS) {
            rows.add(new String[] {r.model(), r.source(), f3(r.auc()), f3(r.averagePrecision()),
                    f3(r.cardPrecision100())});
        }
        String oursName = "ours: XGBoost " + model.rounds() + " trees, depth " + params.maxDepth() + ", eta "
                + params.eta() + ", " + featureNames.size() + " features";
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
                        test.positives(), String.join(", ", featureNames)))
                .paragraph(String.format(Locale.ROOT, "Selected on %d prequential validation weeks before the test "
                        + "week by mean Card Precision@100: %s (validation CP@100 %.3f, AP %.3f).", folds,
                        chosen.label(), bestCp, bestAp))
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
        System.out.println("report: " + report + "; model: " + modelOut);
        System.out.printf(Locale.ROOT, "ours auc=%.3f ap=%.3f cp100=%.3f%n", auc, ap, cp.mean());
    }

    static TrainingParameters parameters(int trees, int depth, double eta, int threads, int seed) {
        return new TrainingParameters(trees, depth, eta, 1, 0.8, 0.8, 1, 0, "aucpr", threads, seed, 1_000_000);
    }

    static Scores score(TreeEnsemble ensemble, float[][] rows, TrainingRows labelled) {
        double[] s = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            s[i] = ensemble.predict(rows[i]);
        }
        return new Scores(RankingMetrics.rocAuc(s, labelled.labels()),
                RankingMetrics.averagePrecision(s, labelled.labels()),
                CardPrecision.compute(scored(labelled, s), 100).mean());
    }

    static List<ScoredTransaction> scored(TrainingRows rows, double[] scores) {
        List<ScoredTransaction> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(new ScoredTransaction((int) rows.days()[i].toEpochDay(), rows.cards()[i], scores[i],
                    rows.labels()[i]));
        }
        return out;
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
