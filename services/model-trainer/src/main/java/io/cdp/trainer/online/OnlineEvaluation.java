package io.cdp.trainer.online;

import io.cdp.datagen.TabFormerGenerator;
import io.cdp.features.online.MccRiskTables;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.online.TabFormerOnline;
import io.cdp.features.online.TransactionIds;
import io.cdp.features.tabformer.TabFormerCsv;
import io.cdp.scoring.artifact.Thresholds;
import io.cdp.scoring.metrics.CardPrecision;
import io.cdp.scoring.metrics.RankingMetrics;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.trainer.options.Args;
import io.cdp.training.online.OnlineCardTrainer;
import io.cdp.training.train.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ./cdp eval online}: the live model's pipeline ({@link LakeTraining}: the stream's feature code, XGBoost4J,
 * thresholds for a share of transactions alerted) judged with a temporal split on a TabFormer-format history: the real
 * release's files or data generated in their format. Training and validation days come before the test days; the
 * test days are scored with the features the stream would have computed (each card's state carried over from its
 * earlier transactions, MCC risk tables as of each day from labels older than their delay) and nothing was chosen on
 * them. Prints AUC, average precision, Card Precision@100 per test day, and at each threshold the share of
 * transactions flagged, precision and recall; the last line is
 * {@code online auc=A ap=P alert_rate=R alert_precision=Q alert_recall=C}.
 */
public final class OnlineEvaluation {

    private static final Set<String> OPTIONS = Set.of(
            "data",
            "generate-users",
            "seed",
            "fraud-boost",
            "start",
            "days",
            "test-from",
            "test-share",
            "validation-share",
            "alert-share",
            "decline-share");

    private OnlineEvaluation() {}

    /** 0 when it ran, 2 for options it cannot run with. */
    public static int run(String[] argv) throws IOException {
        Args args;
        try {
            args = new Args(argv, OPTIONS);
            if (args.has("data") == args.has("generate-users")) {
                throw new IllegalArgumentException("give --data or --generate-users, one of them");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("usage: ./cdp eval online (--data <TabFormer transactions CSV, or a directory holding"
                    + " one> | --generate-users N [--seed S] [--fraud-boost B] [--start YYYY-MM-DD] [--days D]) [--test-from YYYY-MM-DD |"
                    + " --test-share 0.2] [--validation-share 0.2] [--alert-share 0.005] [--decline-share 0.0005]\n"
                    + e.getMessage());
            return 2;
        }
        Path file;
        String source;
        if (args.has("data")) {
            file = transactionsFile(Path.of(args.require("data")));
            if (file == null) {
                System.err.println("eval: no TabFormer transactions CSV at " + args.require("data"));
                return 2;
            }
            source = file.getFileName().toString();
        } else {
            Path dir = Files.createTempDirectory("cdp-eval-online-");
            int users = args.getInt("generate-users", 100);
            TabFormerGenerator.Stats stats = new TabFormerGenerator(new TabFormerGenerator.Options(
                            users,
                            args.getInt("seed", 11),
                            LocalDate.parse(args.get("start", "2019-01-01")),
                            args.getInt("days", 365),
                            // at the default rates a few hundred users hold a handful of fraud episodes a year, too
                            // few for a figure that does not swing with the seed (docs/benchmarks/model-trainer.md)
                            args.getInt("fraud-boost", 1)))
                    .write(dir);
            file = dir.resolve("transactions.csv");
            source = "generated: " + users + " users, " + stats.transactions() + " transactions, seed "
                    + args.getInt("seed", 11) + ", fraud boost " + args.getInt("fraud-boost", 1);
        }
        List<OnlineTransaction> history = new ArrayList<>(TabFormerOnline.online(TabFormerCsv.readTransactions(file)));
        history.sort(Comparator.comparing(OnlineTransaction::time).thenComparing(OnlineTransaction::transactionId));
        double validationShare = args.getDouble("validation-share", LakeTraining.DEFAULT_VALIDATION_SHARE);
        LocalDate testFrom = args.has("test-from")
                ? LocalDate.parse(args.require("test-from"))
                : testFrom(history, args.getDouble("test-share", 0.2));
        TemporalSplit split = TemporalSplit.forEvaluation(history, testFrom, validationShare);
        Result result = evaluate(
                history,
                split,
                args.getDouble("alert-share", LakeTraining.DEFAULT_ALERT_SHARE),
                args.getDouble("decline-share", LakeTraining.DEFAULT_DECLINE_SHARE),
                Progress.stderr());
        print(source, split, result);
        return 0;
    }

    /** The first day of the last {@code share} of the history's days. */
    static LocalDate testFrom(List<OnlineTransaction> history, double share) {
        LocalDate from = TemporalSplit.day(history.getFirst());
        LocalDate to = TemporalSplit.day(history.getLast());
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return to.minusDays(Math.max(1, Math.round(days * share)) - 1);
    }

    /** What the evaluation measured on the test days. */
    public record Result(
            int trainRows,
            long trainFrauds,
            int validationRows,
            long validationFrauds,
            int testRows,
            long testFrauds,
            double auc,
            double ap,
            CardPrecision.Result cardPrecision,
            Thresholds thresholds,
            List<ThresholdRow> atThresholds) {

        public ThresholdRow atAlert() {
            return atThresholds.stream()
                    .filter(r -> r.name().equals("alert"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** At one threshold: the share of test transactions at or over it, and how many of those were fraud. */
    public record ThresholdRow(
            String name, double threshold, long flagged, double rate, double precision, double recall) {}

    public static Result evaluate(
            List<OnlineTransaction> history,
            TemporalSplit split,
            double alertShare,
            double declineShare,
            Progress progress) {
        OnlineCardTrainer.Trained trained = LakeTraining.train(history, split, alertShare, declineShare, progress);
        // the test days' features over the whole history: each card's windows carry on across the split, and the
        // tables as of each day only hold labels older than their delay, as in production
        MccRiskTables tables =
                MccRiskTables.fromTransactions(history, split.from(), split.to().plusDays(1));
        double[][] rows = OnlineFeatures.batch(history, tables.context());
        InProcessScorer scorer = new InProcessScorer(trained.artifact());
        List<Double> scores = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        List<CardPrecision.ScoredTransaction> scored = new ArrayList<>();
        int validationRows = 0;
        long trainFrauds = 0;
        long validationFrauds = 0;
        for (int i = 0; i < history.size(); i++) {
            OnlineTransaction tx = history.get(i);
            LocalDate day = TemporalSplit.day(tx);
            if (day.isAfter(split.trainTo())) {
                double score = scorer.score(rows[i]);
                scores.add(score);
                labels.add(tx.fraudLabel());
                scored.add(new CardPrecision.ScoredTransaction(
                        (int) day.toEpochDay(), TransactionIds.of(tx.cardToken()), score, tx.fraudLabel()));
            } else if (day.isBefore(split.validationFrom())) {
                trainFrauds += tx.fraudLabel() ? 1 : 0;
            } else {
                validationRows++;
                validationFrauds += tx.fraudLabel() ? 1 : 0;
            }
        }
        double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] y = new boolean[labels.size()];
        long testFrauds = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
            testFrauds += y[i] ? 1 : 0;
        }
        Thresholds t = trained.artifact().metadata().thresholds();
        List<ThresholdRow> at = List.of(
                row("review", t.review(), s, y, testFrauds),
                row("alert", t.alert(), s, y, testFrauds),
                row("decline", t.decline(), s, y, testFrauds));
        return new Result(
                trained.rows(),
                trainFrauds,
                validationRows,
                validationFrauds,
                s.length,
                testFrauds,
                testFrauds > 0 && testFrauds < s.length ? RankingMetrics.rocAuc(s, y) : Double.NaN,
                testFrauds > 0 ? RankingMetrics.averagePrecision(s, y) : Double.NaN,
                CardPrecision.compute(scored, 100),
                t,
                at);
    }

    private static ThresholdRow row(String name, double threshold, double[] scores, boolean[] labels, long frauds) {
        long flagged = 0;
        long caught = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= threshold) {
                flagged++;
                caught += labels[i] ? 1 : 0;
            }
        }
        return new ThresholdRow(
                name,
                threshold,
                flagged,
                scores.length == 0 ? 0 : (double) flagged / scores.length,
                flagged == 0 ? 0 : (double) caught / flagged,
                frauds == 0 ? 0 : (double) caught / frauds);
    }

    private static void print(String source, TemporalSplit split, Result r) {
        System.out.println("| data | " + source + " |");
        System.out.println("|---|---|");
        System.out.printf(
                Locale.ROOT,
                "| train | %s..%s: %,d transactions, %,d fraud |%n",
                split.from(),
                split.validationFrom().minusDays(1),
                r.trainRows(),
                r.trainFrauds());
        System.out.printf(
                Locale.ROOT,
                "| validation (trees, thresholds) | %s..%s: %,d transactions, %,d fraud |%n",
                split.validationFrom(),
                split.trainTo(),
                r.validationRows(),
                r.validationFrauds());
        System.out.printf(
                Locale.ROOT,
                "| test | %s..%s: %,d transactions, %,d fraud |%n",
                split.trainTo().plusDays(1),
                split.to(),
                r.testRows(),
                r.testFrauds());
        System.out.printf(Locale.ROOT, "| AUC ROC | %.3f |%n| average precision | %.3f |%n", r.auc(), r.ap());
        System.out.printf(
                Locale.ROOT,
                "| Card Precision@100, mean over %d test days | %.4f |%n",
                r.cardPrecision().perDay().size(),
                r.cardPrecision().mean());
        System.out.println();
        System.out.println("| threshold | score | flagged | share of transactions | precision | recall |");
        System.out.println("|---|---|---|---|---|---|");
        for (ThresholdRow row : r.atThresholds()) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.4f | %,d | %.3f %% | %.3f | %.3f |%n",
                    row.name(),
                    row.threshold(),
                    row.flagged(),
                    row.rate() * 100,
                    row.precision(),
                    row.recall());
        }
        System.out.println("thresholds: " + r.thresholds().operatingPoint());
        System.out.println();
        System.out.println("| test day | compromised cards | Card Precision@100 |");
        System.out.println("|---|---|---|");
        LocalDate day = split.trainTo().plusDays(1);
        List<Double> perDay = r.cardPrecision().perDay();
        List<Integer> compromised = r.cardPrecision().compromisedPerDay();
        int shown = 0;
        for (int i = 0; i < perDay.size(); i++) {
            if (compromised.get(i) > 0 && shown++ < 40) {
                System.out.printf(Locale.ROOT, "| day %d | %d | %.2f |%n", i + 1, compromised.get(i), perDay.get(i));
            }
        }
        if (shown == 0) {
            System.out.println("| (no test day had a compromised card) | 0 | - |");
        }
        ThresholdRow alert = r.atAlert();
        System.out.printf(
                Locale.ROOT,
                "online auc=%.3f ap=%.3f alert_rate=%.4f alert_precision=%.3f alert_recall=%.3f%n",
                r.auc(),
                r.ap(),
                alert.rate(),
                alert.precision(),
                alert.recall());
    }

    /** The transactions CSV itself, or the one a directory holds ({@code transactions.csv} or a TabFormer extract). */
    static Path transactionsFile(Path data) throws IOException {
        if (Files.isRegularFile(data)) {
            return data;
        }
        if (!Files.isDirectory(data)) {
            return null;
        }
        if (Files.isRegularFile(data.resolve("transactions.csv"))) {
            return data.resolve("transactions.csv");
        }
        try (var files = Files.list(data)) {
            return files.filter(p -> p.getFileName().toString().endsWith("transactions.csv")
                            || p.getFileName().toString().endsWith("_credit_card_transactions.csv"))
                    .sorted()
                    .findFirst()
                    .orElse(null);
        }
    }
}
