package io.cdp.trainer.loop;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.datagen.DriftScenario;
import io.cdp.events.resources.CdpResources;
import io.cdp.lake.labels.LabelPolicy;
import io.cdp.trainer.options.Args;
import io.cdp.training.train.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ./cdp eval loop}: the closed loop ({@link LoopScenario}) on generated data in which a new fraud pattern starts
 * on day D, with the registry and artifact store of a namespace of its own on the emulator (the stack's own registry
 * is never touched). Prints one row per retraining (both models on the same fully-labelled week, drift, the decision)
 * and ends with {@code loop recall_before=B recall_after=A promoted=true|false psi_max=P days_to_recover=D}. With
 * {@code --no-new-pattern} the same history without the pattern: the champion should stay.
 */
public final class LoopEvaluation {

    private static final Set<String> OPTIONS = Set.of(
            "seed",
            "cards",
            "days-per-card",
            "pattern-day",
            "pattern-per-day",
            "label-delay-days",
            "margin",
            "tolerance",
            "primary",
            "alert-share",
            "shadow-days");
    private static final Set<String> FLAGS = Set.of("no-new-pattern");

    private LoopEvaluation() {}

    /** The scenario of the command and the test: sizes chosen so one run takes well under a minute on 2 cores. */
    public static LoopScenario.Settings settings(
            long seed, int cards, double perCardPerDay, int patternDay, double patternPerDay, RetrainRun.Settings r) {
        int goLive = 28;
        DriftScenario.Options data = new DriftScenario.Options(
                seed, cards, LocalDate.of(2026, 1, 5), 70, perCardPerDay, 1.5, patternDay, patternPerDay);
        return new LoopScenario.Settings(data, goLive, goLive + 20, 7, 3, 7, 0.7, 0.85, 2, 12, r);
    }

    /**
     * The retraining of the scenario: the defaults, except an alert budget of 4 %: generated data holds far more fraud
     * than a bank's (about 2.5 % of transactions), and the default 0.5 % would cap every recall far below what the
     * models can do. A challenger shadows the champion 7 days before it may serve, as on a stack.
     */
    public static final RetrainRun.Settings RETRAIN =
            new RetrainRun.Settings(LabelPolicy.DEFAULT, PromotionPolicy.DEFAULT, 28, 4, 0.04, 0.004, true, 7);

    /** 0 when it ran, 2 for options it cannot run with. */
    public static int run(String[] argv, AwsClients clients, PrintStream out) {
        Args args;
        try {
            args = new Args(argv, OPTIONS, FLAGS);
        } catch (IllegalArgumentException e) {
            System.err.println(
                    "usage: ./cdp eval loop [--seed 7] [--cards 300] [--days-per-card 2.5] [--pattern-day 31]"
                            + " [--pattern-per-day 4] [--no-new-pattern] [--label-delay-days 7] [--primary recall_at_alert|ap|auc|cp100] [--margin 0.05]"
                            + " [--tolerance 0.02] [--alert-share 0.04] [--shadow-days 7]\n" + e.getMessage());
            return 2;
        }
        if (!clients.settings().isLocal()) {
            System.err.println("eval loop: AWS_ENDPOINT_URL is not set; the loop registers models in a namespace of its"
                    + " own and only runs against a local emulator");
            return 2;
        }
        RetrainRun.Settings retrain = new RetrainRun.Settings(
                new LabelPolicy(Duration.ofDays(args.getInt("label-delay-days", 7))),
                new PromotionPolicy(
                        args.get("primary", RETRAIN.policy().primary()),
                        args.getDouble("margin", RETRAIN.policy().margin()),
                        args.getDouble("tolerance", RETRAIN.policy().tolerance())),
                RETRAIN.trainDays(),
                RETRAIN.validationDays(),
                args.getDouble("alert-share", RETRAIN.alertShare()),
                RETRAIN.declineShare(),
                true,
                args.getInt("shadow-days", RETRAIN.shadowDays()));
        int patternDay = args.has("no-new-pattern") ? -1 : args.getInt("pattern-day", 31);
        LoopScenario.Settings settings = settings(
                args.getInt("seed", 7),
                args.getInt("cards", 300),
                args.getDouble("days-per-card", 2.5),
                patternDay,
                args.getDouble("pattern-per-day", 4),
                retrain);
        CdpResources names = CdpResources.fromValue("loop-" + HexFormat.of().toHexDigits((int) System.nanoTime()));
        new ResourceBootstrap(clients, names).createAll();
        LoopScenario.Result result = new LoopScenario(
                        clients.s3(),
                        clients.dynamoDb(),
                        names.bucket(CdpResources.Bucket.MODELS),
                        names.table(CdpResources.Table.MODELS))
                .play(settings, Progress.stderr());
        print(out, settings, names, result);
        return 0;
    }

    static void print(PrintStream out, LoopScenario.Settings s, CdpResources names, LoopScenario.Result r) {
        DriftScenario.Options d = s.data();
        out.printf(
                Locale.ROOT,
                "| data | generated: %d cards, %d transactions from %s, takeovers from day 0, %s |%n",
                d.cards(),
                r.transactions(),
                d.from(),
                d.hasNewPattern()
                        ? "new pattern (night skimming at home) from day " + d.newPatternFrom() + " ("
                                + d.from().plusDays(d.newPatternFrom()) + ")"
                        : "no new pattern");
        out.printf(
                Locale.ROOT,
                "| loop | go-live day %d, retraining every %d days from day %d, label delay %s, %d evidence records"
                        + " (answers to alerts, chargebacks), registry namespace %s |%n",
                s.goLiveDay(),
                s.retrainEvery(),
                s.firstRetrainDay(),
                s.retrain().labels().labelDelay(),
                r.evidence(),
                names.namespace());
        out.println();
        out.println(
                "| as of | eval week | model | auc | ap | cp@100 | recall@alert | recall new pattern | alert rate |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (LoopScenario.Step step : r.steps()) {
            RetrainRun.Outcome o = step.outcome();
            Retraining.Challenge c = o.challenge();
            String week = c.windows().evalFrom() + ".." + c.windows().evalTo();
            row(
                    out,
                    step.asOfDay().toString(),
                    week,
                    "champion " + o.championVersion(),
                    c.champion(),
                    step.championRecallNew());
            row(
                    out,
                    "",
                    "",
                    "challenger " + o.challenger().version(),
                    c.challengerMetrics(),
                    step.challengerRecallNew());
        }
        out.println();
        out.println("| as of | labels known (fraud) | pending | psi max (feature) | score psi | drift | decision |");
        out.println("|---|---|---|---|---|---|---|");
        for (LoopScenario.Step step : r.steps()) {
            RetrainRun.Outcome o = step.outcome();
            var max = o.challenge().maxPsi();
            out.printf(
                    Locale.ROOT,
                    "| %s | %,d (%,d) | %,d | %.4f (%s) | %.4f | %s | %s |%n",
                    step.asOfDay(),
                    o.labels().labels().size(),
                    o.labels().frauds(),
                    o.labels().pending(),
                    max.getValue(),
                    max.getKey(),
                    o.challenge().scorePsi(),
                    o.driftStatus(),
                    decision(o));
        }
        out.println();
        out.printf(
                Locale.ROOT,
                "| recall at the alert threshold on %s | before: %s over %d frauds | after: %s over %d frauds |%n",
                r.newPattern() ? "the new pattern (alerts raised live)" : "all fraud (no new pattern)",
                fmt(r.recallBefore()),
                r.targetFraudsBefore(),
                fmt(r.recallAfter()),
                r.targetFraudsAfter());
        out.printf(
                Locale.ROOT,
                "loop recall_before=%s recall_after=%s promoted=%s psi_max=%s days_to_recover=%s%n",
                fmt(r.recallBefore()),
                fmt(r.recallAfter()),
                r.promoted(),
                fmt(r.psiMax()),
                r.daysToRecover() < 0 ? "none" : Integer.toString(r.daysToRecover()));
    }

    /** What the run decided: about the shadow whose days were up (if one), then about the new challenger. */
    static String decision(RetrainRun.Outcome o) {
        String challenger = o.verdict() + ": " + o.decision().reason();
        if (o.shadowDecision() == null) {
            return challenger;
        }
        return "shadow " + (o.shadowDecision().promote() ? "PROMOTE" : "KEEP_CHAMPION") + ": "
                + o.shadowDecision().reason() + "; challenger " + challenger;
    }

    private static void row(PrintStream out, String asOf, String week, String model, ModelMetrics m, double recallNew) {
        out.printf(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                asOf,
                week,
                model,
                fmt(m.auc()),
                fmt(m.ap()),
                fmt(m.cardPrecision100()),
                fmt(m.recallAtAlert()),
                fmt(recallNew),
                fmt(m.alertRate()));
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
    }
}
