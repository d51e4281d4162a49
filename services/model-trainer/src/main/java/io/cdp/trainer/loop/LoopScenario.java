package io.cdp.trainer.loop;

import io.cdp.datagen.DriftScenario;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.online.WireTransactions;
import io.cdp.lake.labels.LabelEvidence;
import io.cdp.scoring.registry.ArtifactStore;
import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.scorer.InProcessScorer;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The closed loop played day by day over a {@link DriftScenario} history, with the real registry and artifact store:
 * a first champion trained on the fully labelled days before go-live is promoted; from go-live, each day's
 * transactions are scored by the version that serves (its alert threshold raising alerts), alerted customers answer
 * (or not) within hours, frauds turn into chargebacks days later (alerted or not), and on the retraining days a
 * {@link RetrainRun} joins the evidence known by then, trains a challenger and lets the policy decide. Recall on the
 * new pattern is measured from the alerts the serving version actually raised, before and after a promotion.
 */
public final class LoopScenario {

    /**
     * @param goLiveDay         first day scored live (days before it are the first champion's fully labelled history)
     * @param firstRetrainDay   the first day at whose end a retraining runs; then every {@code retrainEvery} days
     * @param retrains          this many retrainings, on schedule whatever they decide
     * @param afterDays         live days played after the last retraining, to measure recall after it
     * @param answerRate        share of alerted customers who answer
     * @param chargebackRate    share of frauds that become chargebacks
     * @param chargebackMinDays fewest days from a fraud to its chargeback
     * @param chargebackMaxDays most (beyond the label delay: some frauds were first labelled genuine by silence)
     */
    public record Settings(
            DriftScenario.Options data,
            int goLiveDay,
            int firstRetrainDay,
            int retrainEvery,
            int retrains,
            int afterDays,
            double answerRate,
            double chargebackRate,
            int chargebackMinDays,
            int chargebackMaxDays,
            RetrainRun.Settings retrain) {

        public int days() {
            return firstRetrainDay + retrainEvery * (retrains - 1) + afterDays + 1;
        }
    }

    /** One retraining as the table prints it. */
    public record Step(
            LocalDate asOfDay,
            RetrainRun.Outcome outcome,
            double championRecallNew,
            double challengerRecallNew,
            long newPatternFrauds) {}

    /**
     * @param promotedVersion the version promoted last (the one serving at the end)
     * @param recallBefore   recall of the alerts raised on the target frauds from the pattern's start (or go-live)
     *                       until the version serving at the end took over (or the end)
     * @param recallAfter    the same from the day it took over to the end (without a promotion: over the last
     *                       {@code afterDays})
     * @param daysToRecover  days from the pattern's first day to the first day the version serving at the end served;
     *                       -1 when nothing was promoted or there is no new pattern
     */
    public record Result(
            boolean newPattern,
            List<Step> steps,
            boolean promoted,
            @Nullable String promotedVersion,
            double recallBefore,
            double recallAfter,
            long targetFraudsBefore,
            long targetFraudsAfter,
            double psiMax,
            String psiMaxFeature,
            int daysToRecover,
            int transactions,
            long evidence) {}

    static final int WARM_UP_DAYS = 10;

    private record Serving(String version, InProcessScorer scorer, double alert, double[][] rows) {}

    private final RetrainRun run;
    private final String modelsBucket;
    private final software.amazon.awssdk.services.s3.S3Client s3;
    private final software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb;
    private final String modelsTable;

    public LoopScenario(
            software.amazon.awssdk.services.s3.S3Client s3,
            software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb,
            String modelsBucket,
            String modelsTable) {
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.modelsBucket = modelsBucket;
        this.modelsTable = modelsTable;
        this.run = new RetrainRun(s3, dynamoDb, modelsBucket, modelsTable);
    }

    public Result play(Settings settings, Progress progress) {
        DriftScenario.Options data = settings.data();
        if (data.days() < settings.days()) {
            throw new IllegalArgumentException(
                    "the scenario needs " + settings.days() + " days of data, has " + data.days());
        }
        DriftScenario.Generated generated = DriftScenario.generate(data);
        List<OnlineTransaction> truth = WireTransactions.online(generated.transactions());
        Set<String> newPattern = generated.newPatternIds();
        LocalDate from = data.from();
        Random people = new Random(data.seed() ^ 0x5eed);
        List<LabelEvidence> evidence = new ArrayList<>(chargebacks(truth, settings, people));

        // the first champion: the days before go-live, fully labelled (its bootstrap history is old enough)
        LocalDate goLive = from.plusDays(settings.goLiveDay());
        List<OnlineTransaction> bootstrap =
                truth.stream().filter(t -> Retraining.day(t).isBefore(goLive)).toList();
        OnlineCardTrainer.Trained first = OnlineCardTrainer.train(
                new OnlineCardTrainer.Plan(
                        bootstrap,
                        // the first days only warm up card windows and label tables (labels need the delay to count)
                        from.plusDays(WARM_UP_DAYS),
                        goLive.minusDays(settings.retrain().validationDays()),
                        goLive.minusDays(1),
                        ThresholdSelector.byAlertShare(
                                settings.retrain().alertShare(),
                                settings.retrain().declineShare()),
                        LakeTraining.PARAMETERS),
                progress);
        PublishedModel published = OnlineCardTrainer.publish(s3, dynamoDb, modelsBucket, modelsTable, first);
        // the registry's clock is the scenario's: promotions and shadow periods are stamped with simulated days
        run.registry().promote(published.version(), goLive.atStartOfDay().toInstant(ZoneOffset.UTC));
        Serving serving = serving(first, truth);
        progress.report("champion " + serving.version() + " live from " + goLive);

        Map<String, Boolean> alerted = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        LocalDate promotedFrom = null;
        String promotedVersion = null;
        int end = settings.days();
        boolean promotedAny = false;
        int index = 0;
        int retrainsDone = 0;
        for (int d = settings.goLiveDay(); d < end; d++) {
            LocalDate day = from.plusDays(d);
            while (index < truth.size() && !Retraining.day(truth.get(index)).isAfter(day)) {
                OnlineTransaction t = truth.get(index);
                boolean alert = serving.scorer().score(serving.rows()[index]) >= serving.alert();
                alerted.put(t.transactionId(), alert);
                if (alert && people.nextDouble() < settings.answerRate()) {
                    Instant answered = t.time().plusSeconds(300 + people.nextInt(12 * 3600));
                    evidence.add(LabelEvidence.feedback(
                            t.transactionId(),
                            t.fraudLabel() ? "CONFIRMED_FRAUD" : "NOT_FRAUD",
                            answered,
                            "alert-" + t.transactionId()));
                }
                index++;
            }
            // the loop keeps its schedule after a promotion: a challenger promoted on a week that held little of the
            // new pattern is itself challenged a week later
            boolean retrainDay = retrainsDone < settings.retrains()
                    && d >= settings.firstRetrainDay()
                    && (d - settings.firstRetrainDay()) % settings.retrainEvery() == 0;
            if (!retrainDay) {
                continue;
            }
            retrainsDone++;
            Instant asOf = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            progress.report("retraining as of " + asOf);
            RetrainRun.Outcome outcome = run.run(truth, evidence, asOf, asOf, settings.retrain(), progress);
            Retraining.Challenge c = outcome.challenge();
            steps.add(new Step(
                    day,
                    outcome,
                    recall(c.evalIds(), c.championScores(), c.championAlert(), newPattern),
                    recall(
                            c.evalIds(),
                            c.challengerScores(),
                            c.challenger().artifact().metadata().thresholds().alert(),
                            newPattern),
                    c.evalIds().stream().filter(newPattern::contains).count()));
            if (outcome.promoted()) {
                promotedFrom = day.plusDays(1);
                promotedAny = true;
                promotedVersion = outcome.promotedVersion();
                ModelEntry live = run.registry().serving().orElseThrow();
                serving = serving(live.version(), new ArtifactStore(s3).read(live), c.challenger(), truth);
            }
        }

        // recall of what the alerts actually did: on the new pattern when there is one, else on all fraud
        LocalDate targetFrom = data.hasNewPattern() ? from.plusDays(data.newPatternFrom()) : goLive;
        LocalDate lastDay = from.plusDays(end - 1L);
        LocalDate split = promotedFrom != null ? promotedFrom : lastDay.minusDays(settings.afterDays() - 1L);
        long[] before = new long[2];
        long[] after = new long[2];
        for (OnlineTransaction t : truth) {
            LocalDate d = Retraining.day(t);
            boolean target = data.hasNewPattern() ? newPattern.contains(t.transactionId()) : t.fraudLabel();
            if (!target || d.isBefore(targetFrom) || d.isAfter(lastDay) || !alerted.containsKey(t.transactionId())) {
                continue;
            }
            long[] bucket = d.isBefore(split) ? before : after;
            bucket[0]++;
            bucket[1] += alerted.get(t.transactionId()) ? 1 : 0;
        }
        Step decisive = steps.isEmpty() ? null : steps.getLast();
        double psiMax = decisive == null
                ? Double.NaN
                : decisive.outcome().challenge().maxPsi().getValue();
        String psiFeature = decisive == null
                ? "none"
                : decisive.outcome().challenge().maxPsi().getKey();
        int daysToRecover = promotedFrom != null && data.hasNewPattern()
                ? (int) (promotedFrom.toEpochDay() - targetFrom.toEpochDay())
                : -1;
        return new Result(
                data.hasNewPattern(),
                steps,
                promotedAny,
                promotedVersion,
                before[0] == 0 ? Double.NaN : (double) before[1] / before[0],
                after[0] == 0 ? Double.NaN : (double) after[1] / after[0],
                before[0],
                after[0],
                psiMax,
                psiFeature,
                daysToRecover,
                truth.size(),
                evidence.size());
    }

    /** Recall at the model's alert threshold on the evaluation week's new-pattern frauds (truth, not labels). */
    private static double recall(List<String> ids, double[] scores, double threshold, Set<String> newPattern) {
        long n = 0;
        long caught = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (newPattern.contains(ids.get(i))) {
                n++;
                caught += scores[i] >= threshold ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : (double) caught / n;
    }

    private static List<LabelEvidence> chargebacks(List<OnlineTransaction> truth, Settings s, Random people) {
        List<LabelEvidence> out = new ArrayList<>();
        for (OnlineTransaction t : truth) {
            if (t.fraudLabel() && people.nextDouble() < s.chargebackRate()) {
                long days = s.chargebackMinDays() + people.nextInt(s.chargebackMaxDays() - s.chargebackMinDays() + 1);
                out.add(LabelEvidence.chargeback(
                        t.transactionId(),
                        t.time().plus(Duration.ofDays(days)).plusSeconds(people.nextInt(86_400)),
                        "cb-" + t.transactionId()));
            }
        }
        return out;
    }

    private static Serving serving(OnlineCardTrainer.Trained trained, List<OnlineTransaction> truth) {
        return serving(trained.artifact().metadata().modelVersion(), null, trained, truth);
    }

    /**
     * What serving computes with a version: its label tables (published with it, shared by every version from then
     * on) over each card's earlier transactions, and the artifact read back from the store when there is one.
     */
    private static Serving serving(
            String version,
            io.cdp.scoring.artifact.@Nullable ModelArtifact stored,
            OnlineCardTrainer.Trained trained,
            List<OnlineTransaction> truth) {
        io.cdp.scoring.artifact.ModelArtifact artifact = stored != null ? stored : trained.artifact();
        return new Serving(
                version,
                new InProcessScorer(artifact),
                artifact.metadata().thresholds().alert(),
                OnlineFeatures.batch(truth, trained.tables().context()));
    }
}
