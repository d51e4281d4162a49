package io.cdp.trainer.eval;

import io.cdp.features.handbook.HandbookCsv;
import io.cdp.features.handbook.HandbookTransaction;
import io.cdp.scoring.metrics.CardPrecision;
import io.cdp.scoring.metrics.CardPrecision.ScoredTransaction;
import io.cdp.scoring.metrics.RankingMetrics;
import io.cdp.scoring.model.TreeEnsemble;
import io.cdp.scoring.model.XgboostJsonParser;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.trainer.eval.Selection.Scores;
import io.cdp.trainer.eval.Selection.Summary;
import io.cdp.trainer.handbook.ExtendedFeatures;
import io.cdp.trainer.handbook.FeatureSet;
import io.cdp.trainer.handbook.FraudContextFeatures;
import io.cdp.trainer.handbook.HandbookProtocol;
import io.cdp.trainer.handbook.TerminalStreakFeatures;
import io.cdp.trainer.options.Args;
import io.cdp.training.dataset.TrainingRows;
import io.cdp.training.train.Progress;
import io.cdp.training.train.TrainedModel;
import io.cdp.training.train.TrainingParameters;
import io.cdp.training.train.XgboostTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./cdp eval handbook --data <handbook-raw dir> [--report file.html] [--folds N]}: reproduces the handbook's
 * Chapter 3 protocol with our features and our trainer and prints our AUC ROC, average precision and Card
 * Precision@100 beside the handbook's published rows.
 *
 * <p>Model selection is the handbook's Chapter 5 prequential validation and never looks at the test week: fold k
 * (k = 1..N) is the same train 7 days / delay 7 days / assess 7 days protocol shifted back k weeks, so every
 * validation week ends before the test week starts (fold 1 assesses 2018-08-01..07, fold 2 2018-07-25..31, ...),
 * with the known-compromised cards removed the same way. Every candidate of {@link #GRID} (feature set, depth, eta,
 * min_child_weight, subsamples, positive weight, max_delta_step, trees, seed-ensemble size) is trained on each fold's
 * training week and scored on its validation week; the one {@link Selection} picks (best mean validation Card
 * Precision@100, ties: mean average precision) is trained once on the official training week and evaluated once on
 * the test week. Nothing from the test period (labels, TX_FRAUD_SCENARIO) is an input; test labels only score.
 * {@code --validation-only} prints the grid and the selection without reading the test week.
 */
public final class HandbookEvaluation {

    private static final Set<String> OPTIONS = Set.of("data", "report", "folds", "threads", "seed", "model-out");
    private static final Set<String> FLAGS = Set.of("validation-only");

    /**
     * The validation grid: each line is trained once per fold with its most trees and seeds; its candidates are every
     * listed tree count (the first trees of each member) times every listed ensemble size (the first members). The
     * lines are the best of two wider validation-only explorations (feature sets x depth x seeds, then model settings
     * on the widest feature set; see docs/adr/0003), kept small so the eval fits in CI.
     */
    static final List<Spec> GRID = List.of(
            new Spec("extended+context", 3, 0.1, 1, 0.8, 0.8, 1, 0, new int[] {100, 200}, new int[] {1, 5}),
            new Spec("extended+context", 4, 0.05, 3, 0.7, 0.7, 1, 0, new int[] {200}, new int[] {1, 3}),
            new Spec("extended+context", 5, 0.05, 1, 0.8, 0.6, 1, 0, new int[] {100, 200, 300}, new int[] {1, 3}));

    private HandbookEvaluation() {}

    /** One line of the grid: model settings, the tree counts and the seed-ensemble sizes to score. */
    record Spec(
            String features,
            int depth,
            double eta,
            double minChildWeight,
            double subsample,
            double colsample,
            double scalePosWeight,
            double maxDeltaStep,
            int[] trees,
            int[] seeds) {

        int maxTrees() {
            return trees[trees.length - 1];
        }

        int maxSeeds() {
            return seeds[seeds.length - 1];
        }

        Config config(int treeCount, int seedCount) {
            return new Config(
                    features,
                    depth,
                    eta,
                    minChildWeight,
                    subsample,
                    colsample,
                    scalePosWeight,
                    maxDeltaStep,
                    treeCount,
                    seedCount);
        }
    }

    /** One candidate: model settings, trees per member and members (seeds) averaged. */
    record Config(
            String features,
            int depth,
            double eta,
            double minChildWeight,
            double subsample,
            double colsample,
            double scalePosWeight,
            double maxDeltaStep,
            int trees,
            int seeds) {

        String label() {
            return String.format(
                    Locale.ROOT,
                    "%-17s d%d eta %.2f mcw %s ss %.1f cs %.1f spw %s mds %s %3d t x%d",
                    features,
                    depth,
                    eta,
                    num(minChildWeight),
                    subsample,
                    colsample,
                    Double.isNaN(scalePosWeight) ? "bal" : num(scalePosWeight),
                    num(maxDeltaStep),
                    trees,
                    seeds);
        }

        TrainingParameters parameters(int threads, int seed) {
            return new TrainingParameters(
                    trees,
                    depth,
                    eta,
                    minChildWeight,
                    subsample,
                    colsample,
                    scalePosWeight,
                    maxDeltaStep,
                    0,
                    "aucpr",
                    threads,
                    seed,
                    1_000_000);
        }

        private static String num(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }
    }

    /**
     * Runs the evaluation with command-line style options ({@code --data DIR ...}); 0 when it ran and the model holds
     * the published bar ({@link RegressionGate}), 3 when it falls below it, 2 for bad options.
     * The entry points are {@code ./cdp eval handbook} (tools/cdp-cli) and the trainer job {@code evaluate}.
     */
    public static int run(String[] argv) throws IOException {
        Args args;
        try {
            args = new Args(argv, OPTIONS, FLAGS);
            args.require("data");
        } catch (IllegalArgumentException e) {
            System.err.println("usage: ./cdp eval handbook --data <dir of handbook-raw daily CSVs> [--report out.html]"
                    + " [--folds N (validation weeks, default 3)] [--model-out model.json] [--validation-only]\n"
                    + e.getMessage());
            return 2;
        }
        Path data = Path.of(args.require("data"));
        if (!Files.isDirectory(data)) {
            System.err.println("eval: no handbook data at " + data.toAbsolutePath()
                    + " (expected the daily CSVs 2018-06-18.csv .. 2018-08-14.csv)");
            return 2;
        }
        Path report = Path.of(args.get("report", "target/handbook-eval/report.html"));
        Path modelOut = Path.of(args.get("model-out", "target/handbook-eval/model.json"));
        int folds = args.getInt("folds", 3);
        int threads = args.getInt("threads", 2);
        int seed = args.getInt("seed", 0);
        boolean validationOnly = args.has("validation-only");
        if (validationOnly && folds < 1) {
            System.err.println("eval: --validation-only needs at least one fold");
            return 2;
        }
        Progress progress = Progress.stderr();
        HandbookProtocol protocol = HandbookProtocol.CHAPTER_3;
        List<HandbookProtocol> validation = new ArrayList<>();
        for (int k = 1; k <= folds; k++) {
            validation.add(new HandbookProtocol(
                    protocol.trainStart().minusWeeks(k),
                    protocol.trainDays(),
                    protocol.delayDays(),
                    protocol.testDays()));
        }

        long t0 = System.nanoTime();
        // the earliest day the oldest fold's windows look at, or the first day the data has (shorter windows then)
        LocalDate from = validation.isEmpty()
                ? protocol.historyStart()
                : validation.getLast().historyStart();
        while (!Files.isRegularFile(data.resolve(from + ".csv")) && from.isBefore(protocol.historyStart())) {
            from = from.plusDays(1);
        }
        // validation only: not a row of the test week is read (features are point in time, so earlier rows are the
        // same either way)
        LocalDate to = validationOnly ? validation.getFirst().testEnd() : protocol.testEnd();
        List<HandbookTransaction> txs = HandbookCsv.readDays(data, from, to);
        progress.report(String.format(
                "read %,d transactions %s..%s (%.1f s)", txs.size(), from, to, (System.nanoTime() - t0) / 1e9));
        FeatureSet widest = new FraudContextFeatures();
        TrainingRows all = HandbookProtocol.featureRows(txs, widest);
        Map<String, List<String>> featureSets = new LinkedHashMap<>();
        featureSets.put("extended", new ExtendedFeatures().names());
        featureSets.put("extended+terminal", new TerminalStreakFeatures().names());
        featureSets.put("extended+context", widest.names());
        progress.report(String.format(
                "features computed (%d columns, %.1f s)", widest.names().size(), (System.nanoTime() - t0) / 1e9));

        // ---- prequential validation: only weeks before the test week
        XgboostTrainer trainer = new XgboostTrainer(Progress.silent());
        Map<Config, List<Scores>> byConfig = new LinkedHashMap<>();
        int trainings =
                validation.size() * GRID.stream().mapToInt(Spec::maxSeeds).sum();
        int done = 0;
        for (HandbookProtocol fold : validation) {
            TrainingRows foldTrain = fold.trainingRows(all);
            TrainingRows foldValid = fold.testRows(all);
            progress.report(String.format(
                    "fold: train %s..%s (%,d tx / %,d frauds), validate %s..%s (%,d tx / %,d " + "frauds)",
                    fold.trainStart(),
                    fold.trainEnd(),
                    foldTrain.size(),
                    foldTrain.positives(),
                    fold.testStart(),
                    fold.testEnd(),
                    foldValid.size(),
                    foldValid.positives()));
            Map<String, TrainingRows[]> selected = new LinkedHashMap<>();
            for (Spec spec : GRID) {
                TrainingRows[] trVa =
                        selected.computeIfAbsent(spec.features(), f -> new TrainingRows[] {
                            foldTrain.select(featureSets.get(f)), foldValid.select(featureSets.get(f))
                        });
                float[][] validRows = trVa[1].floatRows();
                Config widestConfig = spec.config(spec.maxTrees(), spec.maxSeeds());
                List<TreeEnsemble> members = new ArrayList<>();
                for (int m = 0; m < spec.maxSeeds(); m++) {
                    TrainedModel model = trainer.train(trVa[0], null, widestConfig.parameters(threads, seed + m));
                    members.add(XgboostJsonParser.parse(model.modelJson()).ensemble());
                    done++;
                }
                double elapsed = (System.nanoTime() - t0) / 1e9;
                progress.report(String.format(
                        Locale.ROOT,
                        "  trained %d/%d: %s (%.0f s, about %.0f s to go)",
                        done,
                        trainings,
                        widestConfig.label(),
                        elapsed,
                        elapsed / done * (trainings - done)));
                for (int trees : spec.trees()) {
                    double[][] margins = new double[members.size()][];
                    for (int m = 0; m < members.size(); m++) {
                        margins[m] = margins(members.get(m).firstTrees(trees), validRows);
                    }
                    for (int seeds : spec.seeds()) {
                        Scores sc = score(SeedAverage.mean(margins, seeds), trVa[1]);
                        byConfig.computeIfAbsent(spec.config(trees, seeds), c -> new ArrayList<>())
                                .add(sc);
                    }
                }
            }
            progress.report(String.format("fold done (%.1f s)", (System.nanoTime() - t0) / 1e9));
        }
        List<Summary<Config>> summaries = Selection.summarize(byConfig);
        System.out.printf(
                Locale.ROOT,
                "validation (prequential, %d folds of train 7 d / delay 7 d / validate 7 d, "
                        + "validation weeks %s; mean over folds):%n",
                folds,
                validation.stream().map(f -> f.testStart() + ".." + f.testEnd()).toList());
        String vfmt = "%-78s  %7s  %7s  %7s  %s%n";
        System.out.printf(Locale.ROOT, vfmt, "config", "AUC", "AP", "CP@100", "CP@100 per fold");
        for (Summary<Config> s : summaries) {
            System.out.printf(
                    Locale.ROOT,
                    vfmt,
                    s.candidate().label(),
                    f3(s.auc()),
                    f3(s.ap()),
                    f3(s.cp()),
                    s.folds().stream().map(x -> f3(x.cp())).toList());
        }
        Summary<Config> best = Selection.best(summaries);
        Config chosen = best.candidate();
        double bestCp = best.cp();
        double bestAp = best.ap();
        System.out.printf(
                Locale.ROOT,
                "selected by mean validation CP@100 (ties: AP, then grid order) over %d "
                        + "candidates: %s (CP@100 %.3f, AP %.3f, AUC %.3f)%n",
                summaries.size(),
                chosen.label(),
                bestCp,
                bestAp,
                best.auc());
        if (validationOnly) {
            System.out.printf(
                    Locale.ROOT,
                    "validation only: the test week was not read; duration %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
            return 0;
        }

        // ---- the one training on the official week and the one evaluation on the test week
        TrainingRows train = protocol.trainingRows(all).select(featureSets.get(chosen.features()));
        TrainingRows test = protocol.testRows(all).select(featureSets.get(chosen.features()));
        progress.report(String.format(
                "final: train %,d tx / %,d frauds; test %,d tx / %,d frauds",
                train.size(), train.positives(), test.size(), test.positives()));
        TrainingParameters params = chosen.parameters(threads, seed);
        TrainedModel model = new XgboostTrainer(progress).trainAveraged(train, params, chosen.seeds());
        List<String> featureNames = train.featureNames();

        // scoring goes through the pure-Java evaluator: the evaluation measures what production serves
        InProcessScorer scorer = new InProcessScorer(
                "eval", featureNames, XgboostJsonParser.parse(model.modelJson()).ensemble());
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
            rows.add(
                    new String[] {r.model(), r.source(), f3(r.auc()), f3(r.averagePrecision()), f3(r.cardPrecision100())
                    });
        }
        String oursName = "ours: XGBoost " + (chosen.seeds() > 1 ? chosen.seeds() + " seeds x " : "")
                + model.rounds() + " trees, depth " + params.maxDepth() + ", eta " + params.eta() + ", "
                + featureNames.size() + " features";
        rows.add(new String[] {oursName, "this run", f3(auc), f3(ap), f3(cp.mean())});
        printTable(rows);
        HandbookBaselines.Row bar = HandbookBaselines.BAR;
        System.out.printf(
                Locale.ROOT,
                "bar (%s): auc >= %.3f, ap >= %.3f, cp100 >= %.3f -> %s%n",
                bar.model(),
                bar.auc(),
                bar.averagePrecision(),
                bar.cardPrecision100(),
                auc >= bar.auc() && ap >= bar.averagePrecision() && cp.mean() >= bar.cardPrecision100()
                        ? "beaten on all three"
                        : "NOT beaten on all three");
        System.out.printf(
                Locale.ROOT,
                "daily CP@100: %s; undetected compromised cards per day (the most a day can" + " find): %s%n",
                cp.perDay().stream().map(HandbookEvaluation::f3).toList(),
                cp.compromisedPerDay());

        HtmlReport html = new HtmlReport("Fraud-Detection-Handbook protocol: ours vs published")
                .paragraph(String.format(
                        Locale.ROOT,
                        "Train %s..%s (%,d tx, %,d frauds), delay %d days, test %s..%s "
                                + "(%,d tx, %,d frauds, known-compromised cards removed). Features: %s.",
                        protocol.trainStart(),
                        protocol.trainEnd(),
                        train.size(),
                        train.positives(),
                        protocol.delayDays(),
                        protocol.testStart(),
                        protocol.testEnd(),
                        test.size(),
                        test.positives(),
                        String.join(", ", featureNames)))
                .paragraph(String.format(
                        Locale.ROOT,
                        "Selected on %d prequential validation weeks before the test "
                                + "week by mean Card Precision@100 (ties: average precision) among %d candidates: %s "
                                + "(validation CP@100 %.3f, AP %.3f). The test week is evaluated once, with that candidate.",
                        folds,
                        summaries.size(),
                        chosen.label(),
                        bestCp,
                        bestAp))
                .table(
                        new String[] {
                            "validation candidate",
                            "mean AUC ROC",
                            "mean average precision",
                            "mean Card Precision@100",
                            "Card Precision@100 per fold"
                        },
                        summaries.stream()
                                .map(v -> new String[] {
                                    v.candidate().label(),
                                    f3(v.auc()),
                                    f3(v.ap()),
                                    f3(v.cp()),
                                    v.folds().stream()
                                            .map(x -> f3(x.cp()))
                                            .toList()
                                            .toString()
                                })
                                .toList())
                .paragraph("Training parameters: " + model.parameters())
                .table(new String[] {"model", "source", "AUC ROC", "Average precision", "Card Precision@100"}, rows)
                .curve(
                        "ROC curve (test)",
                        "false positive rate",
                        "true positive rate",
                        RankingMetrics.rocCurve(scores, test.labels()),
                        true,
                        false)
                .curve(
                        "Precision-recall curve (test)",
                        "recall",
                        "precision",
                        RankingMetrics.precisionRecallCurve(scores, test.labels()),
                        false,
                        true)
                .bars("Feature importance (average gain per split)", model.gainImportance());
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(report, html.render());
        System.out.println("report: " + report + "; model: " + modelOut);
        System.out.printf(Locale.ROOT, "duration %.1f s%n", (System.nanoTime() - t0) / 1e9);
        List<String> shortfalls = RegressionGate.shortfalls(auc, ap, cp.mean());
        shortfalls.forEach(s -> System.err.println("eval: REGRESSION: " + s));
        System.out.printf(Locale.ROOT, "ours auc=%.3f ap=%.3f cp100=%.3f%n", auc, ap, cp.mean());
        // a model below the handbook's bar fails the run, so CI catches it (RegressionGate says why this tolerance)
        return shortfalls.isEmpty() ? 0 : 3;
    }

    static double[] margins(TreeEnsemble ensemble, float[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = ensemble.predictMargin(rows[i]);
        }
        return out;
    }

    /** Rank metrics of one scored week; margins rank as their probabilities do. */
    static Scores score(double[] s, TrainingRows labelled) {
        return new Scores(
                RankingMetrics.rocAuc(s, labelled.labels()),
                RankingMetrics.averagePrecision(s, labelled.labels()),
                CardPrecision.compute(scored(labelled, s), 100).mean());
    }

    static List<ScoredTransaction> scored(TrainingRows rows, double[] scores) {
        List<ScoredTransaction> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(new ScoredTransaction(
                    (int) rows.days()[i].toEpochDay(), rows.cards()[i], scores[i], rows.labels()[i]));
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
