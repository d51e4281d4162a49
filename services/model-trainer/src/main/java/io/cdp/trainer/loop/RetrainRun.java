package io.cdp.trainer.loop;

import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.lake.labels.LabelEvidence;
import io.cdp.lake.labels.LabelJoin;
import io.cdp.lake.labels.LabelPolicy;
import io.cdp.scoring.registry.ArtifactStore;
import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.training.online.OnlineCardTrainer;
import io.cdp.training.publish.PublishedModel;
import io.cdp.training.train.Progress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A retraining against the registry: labels joined as of {@code asOf}, the serving version as champion, the
 * challenger trained, published (REGISTERED) with its lineage, the policy's decision recorded on both versions with
 * its numbers, drift recorded on the champion, and the challenger promoted through the registry's one promotion path
 * when the policy says so and promotion is automatic. A person overrides through the same path (the scoring API's
 * {@code POST /v1/models/{version}/promotion}, {@code ./cdp promote}) and rolls back with
 * {@link ModelRegistry#rollback}.
 */
public final class RetrainRun {

    /**
     * @param trainDays      days the challenger learns from (a rolling window: old fraud patterns fade out)
     * @param validationDays the last of them, which pick its trees and thresholds
     * @param autoPromote    promote when the policy says so; off, the decision is recorded and a person promotes
     * @param shadowDays     days a challenger that passed the policy shadows the champion on live traffic (the
     *                       transformer records its scores, nothing acts on them) before a retraining at least that
     *                       much later measures it again on the newest fully-labelled week and promotes it or returns
     *                       it to REGISTERED; 0 promotes at once
     */
    public record Settings(
            LabelPolicy labels,
            PromotionPolicy policy,
            int trainDays,
            int validationDays,
            double alertShare,
            double declineShare,
            boolean autoPromote,
            int shadowDays) {

        public static final Settings DEFAULT =
                new Settings(LabelPolicy.DEFAULT, PromotionPolicy.DEFAULT, 28, 4, 0.005, 0.0005, true, 7);

        public Settings {
            if (shadowDays < 0) {
                throw new IllegalArgumentException("shadow days cannot be negative, was " + shadowDays);
            }
        }
    }

    /**
     * @param decision        the policy's verdict on the new challenger
     * @param verdict         what became of the new challenger: PROMOTE, SHADOW or KEEP_CHAMPION
     * @param promoted        whether a version was promoted by this run (the new challenger, or the shadow whose days
     *                        were up)
     * @param promotedVersion that version
     * @param shadowVersion   the version shadowing after this run
     * @param shadowDecision  the verdict on the shadow whose days were up, if one
     * @param shadowPromoted  whether that shadow was promoted
     */
    public record Outcome(
            Retraining.Challenge challenge,
            PromotionPolicy.Decision decision,
            String verdict,
            String championVersion,
            PublishedModel challenger,
            boolean promoted,
            @Nullable String promotedVersion,
            @Nullable String shadowVersion,
            PromotionPolicy.@Nullable Decision shadowDecision,
            boolean shadowPromoted,
            LabelJoin.Result labels,
            String driftStatus) {}

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final String modelsBucket;
    private final String modelsTable;
    private final ModelRegistry registry;

    public RetrainRun(S3Client s3, DynamoDbClient dynamoDb, String modelsBucket, String modelsTable) {
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.modelsBucket = modelsBucket;
        this.modelsTable = modelsTable;
        this.registry = new ModelRegistry(dynamoDb, modelsTable, OnlineFeatures.MODEL_NAME);
    }

    public ModelRegistry registry() {
        return registry;
    }

    /**
     * @param history   the transactions (raw labels are ignored: labels come from the evidence only), time order
     * @param evidence  what the bank learned about them
     * @param asOf      the moment the run stands at: later transactions and evidence do not exist for it
     * @param decidedAt the time stamped on the decision and a promotion
     */
    public Outcome run(
            List<OnlineTransaction> history,
            List<LabelEvidence> evidence,
            Instant asOf,
            Instant decidedAt,
            Settings settings,
            Progress progress) {
        ModelEntry championEntry = registry.serving()
                .orElseThrow(() -> new IllegalStateException("no live " + OnlineFeatures.MODEL_NAME + " to challenge:"
                        + " train and promote a first model ('./cdp train lake --promote')"));
        List<OnlineTransaction> known =
                history.stream().filter(t -> t.time().isBefore(asOf)).toList();
        if (known.isEmpty()) {
            throw new IllegalStateException("no transactions before " + asOf + " to learn from");
        }
        LabelJoin.Result labels = LabelJoin.asOf(Retraining.refs(known), evidence, asOf, settings.labels());
        List<OnlineTransaction> labelled = Retraining.labelled(known, labels);
        Retraining.Windows windows = Retraining.Windows.at(
                asOf,
                settings.labels(),
                LocalDate.ofInstant(known.getFirst().time(), ZoneOffset.UTC),
                settings.trainDays(),
                settings.validationDays());
        progress.report(String.format(
                "labels as of %s: %,d known (%,d fraud; %,d chargebacks, %,d confirmed, %,d denied, %,d by delay),"
                        + " %,d pending, %,d evidence rejected",
                asOf,
                labels.labels().size(),
                labels.frauds(),
                labels.bySource(io.cdp.lake.labels.Label.Source.CHARGEBACK),
                labels.bySource(io.cdp.lake.labels.Label.Source.CUSTOMER_CONFIRMED),
                labels.bySource(io.cdp.lake.labels.Label.Source.CUSTOMER_DENIED),
                labels.bySource(io.cdp.lake.labels.Label.Source.LABEL_DELAY),
                labels.pending(),
                labels.rejected().size()));
        ArtifactStore store = new ArtifactStore(s3);
        Optional<ModelEntry> shadowEntry = registry.shadowing();
        Retraining.Challenge challenge = Retraining.run(
                labelled,
                windows,
                store.read(championEntry),
                shadowEntry.map(store::read).orElse(null),
                championEntry.trainingFrom(),
                championEntry.trainingTo(),
                settings.alertShare(),
                settings.declineShare(),
                progress);
        PublishedModel published =
                OnlineCardTrainer.publish(s3, dynamoDb, modelsBucket, modelsTable, challenge.challenger());
        Map<String, String> lineage = lineage(windows, settings, labels, championEntry);
        lineage.put(
                "history",
                Retraining.day(known.getFirst()) + ".." + Retraining.day(known.getLast()) + " (" + known.size()
                        + " transactions)");
        registry.setNote(published.version(), "lineage", lineage);
        String reportKey = DecisionReport.key(OnlineFeatures.MODEL_NAME, published.version());

        // 1. the shadow whose days are up: measured again, on a week newer than the one that let it shadow
        String champion = championEntry.version();
        ModelMetrics championMetrics = challenge.champion();
        String promotedVersion = null;
        String shadowing = shadowEntry.map(ModelEntry::version).orElse(null);
        PromotionPolicy.Decision shadowDecision = null;
        boolean shadowPromoted = false;
        if (shadowEntry.isPresent() && challenge.shadowMetrics() != null) {
            String shadow = shadowEntry.get().version();
            Instant since =
                    registry.shadowSince(shadow).orElse(shadowEntry.get().createdAt());
            long shadowed = Duration.between(since, decidedAt).toDays();
            String primary = settings.policy().primary();
            // a week without labelled fraud measures nothing: the shadow goes on until one that does
            boolean measurable = !Double.isNaN(championMetrics.get(primary))
                    && !Double.isNaN(challenge.shadowMetrics().get(primary));
            if (shadowed >= settings.shadowDays() && measurable) {
                shadowDecision = settings.policy().decide(championMetrics, challenge.shadowMetrics());
                boolean promoteShadow = shadowDecision.promote() && settings.autoPromote();
                Map<String, String> record = decisionRecord(
                        shadowDecision,
                        settings,
                        champion,
                        shadow,
                        decidedAt,
                        windows,
                        shadowDecision.promote() ? "PROMOTE" : "KEEP_CHAMPION",
                        promoteShadow);
                record.put("shadowedDays", Long.toString(shadowed));
                registry.recordDecision(shadow, record);
                registry.recordDecision(champion, record);
                if (promoteShadow) {
                    registry.promote(shadow, decidedAt);
                    promotedVersion = shadow;
                    shadowPromoted = true;
                    champion = shadow;
                    championMetrics = challenge.shadowMetrics();
                    shadowing = null;
                } else if (!shadowDecision.promote()) {
                    registry.endShadow(shadow);
                    shadowing = null;
                }
                // passed but promotion is a person's: it keeps shadowing until they promote it
            }
        }

        // 2. the new challenger, against the version that serves now (the shadow if it was just promoted); while
        // another shadows, it takes that place only by beating it by the same margin
        PromotionPolicy.Decision decision = settings.policy().decide(championMetrics, challenge.challengerMetrics());
        String verdict = "KEEP_CHAMPION";
        boolean promoteChallenger = false;
        if (decision.promote()) {
            if (settings.shadowDays() == 0) {
                verdict = "PROMOTE";
                promoteChallenger = settings.autoPromote();
            } else if (shadowing == null
                    || settings.policy()
                            .decide(challenge.shadowMetrics(), challenge.challengerMetrics())
                            .promote()) {
                verdict = "SHADOW";
                decision = new PromotionPolicy.Decision(
                        true,
                        decision.reason()
                                .replaceFirst(
                                        "^promote: ",
                                        "shadow the live version for " + settings.shadowDays() + " days first: "),
                        decision.numbers());
            } else {
                decision = new PromotionPolicy.Decision(
                        false,
                        "keep the champion: " + shadowing + " shadows it already and this challenger does not beat"
                                + " that one by the margin (" + decision.reason() + ")",
                        decision.numbers());
            }
        }
        Map<String, String> record = decisionRecord(
                decision, settings, champion, published.version(), decidedAt, windows, verdict, promoteChallenger);
        if (verdict.equals("SHADOW")) {
            record.put("shadowDays", Integer.toString(settings.shadowDays()));
        }
        s3.putObject(
                b -> b.bucket(modelsBucket).key(reportKey).contentType("text/html; charset=utf-8"),
                RequestBody.fromString(
                        // the report's champion column is the version that was serving when the run began
                        DecisionReport.render(challenge, decision, championEntry.version(), published.version()),
                        StandardCharsets.UTF_8));
        record.put("report", "s3://" + modelsBucket + "/" + reportKey);
        registry.recordDecision(published.version(), record);
        registry.recordDecision(champion, record);
        String driftStatus = driftStatus(challenge);
        registry.setNote(championEntry.version(), "drift", driftNote(challenge, driftStatus, decidedAt));
        if (verdict.equals("SHADOW")) {
            if (shadowing != null) {
                // the shadow it replaces goes back to REGISTERED (ModelRegistry.shadow): say why on that version
                Map<String, String> displaced = new LinkedHashMap<>(record);
                displaced.put("verdict", "SHADOW_REPLACED");
                displaced.put(
                        "reason",
                        "shadow ended: " + published.version() + " beat it by the margin on " + windows.evalFrom()
                                + ".." + windows.evalTo());
                registry.recordDecision(shadowing, displaced);
            }
            registry.shadow(published.version(), champion, decidedAt);
            shadowing = published.version();
        }
        if (promoteChallenger) {
            registry.promote(published.version(), decidedAt);
            promotedVersion = published.version();
        }
        return new Outcome(
                challenge,
                decision,
                verdict,
                championEntry.version(),
                published,
                promotedVersion != null,
                promotedVersion,
                shadowing,
                shadowDecision,
                shadowPromoted,
                labels,
                driftStatus);
    }

    static String driftStatus(Retraining.Challenge challenge) {
        return driftStatus(challenge.psi(), challenge.scorePsi());
    }

    /** The registry's drift status from PSI per feature and of the score (NaN where a sample was empty). */
    static String driftStatus(Map<String, Double> psi, double scorePsi) {
        double worstFeature = psi.values().stream()
                .filter(v -> v != null && !v.isNaN())
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(Double.NaN);
        // no transaction in the window (every PSI undefined): nothing was measured, which is not "stable"
        if (Double.isNaN(worstFeature) && Double.isNaN(scorePsi)) {
            return "NO_DATA";
        }
        double worst = Math.max(nanToZero(worstFeature), nanToZero(scorePsi));
        return worst >= Psi.SIGNIFICANT ? "DRIFT" : worst >= Psi.MODERATE ? "MODERATE" : "STABLE";
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static Map<String, String> lineage(
            Retraining.Windows w, Settings settings, LabelJoin.Result labels, ModelEntry champion) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("dataWindow", w.trainFrom() + ".." + w.trainTo());
        out.put("validationFrom", w.validationFrom().toString());
        out.put("evaluationWeek", w.evalFrom() + ".." + w.evalTo());
        out.put("labelsAsOf", w.asOf().toString());
        out.put("labelDelay", settings.labels().labelDelay().toString());
        out.put("labelsKnown", Long.toString(labels.labels().size()));
        out.put("labelsFraud", Long.toString(labels.frauds()));
        out.put("labelsPending", Long.toString(labels.pending()));
        out.put("featureSet", OnlineFeatures.SCHEMA.family() + " v" + OnlineFeatures.SCHEMA.version());
        out.put("featureFingerprint", OnlineFeatures.SCHEMA.fingerprint());
        out.put("codeVersion", codeVersion());
        out.put("challenged", champion.version());
        return out;
    }

    private static Map<String, String> decisionRecord(
            PromotionPolicy.Decision decision,
            Settings settings,
            String champion,
            String challenger,
            Instant at,
            Retraining.Windows w,
            String verdict,
            boolean promoted) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("at", at.toString());
        out.put("champion", champion);
        out.put("challenger", challenger);
        out.put("evaluationWeek", w.evalFrom() + ".." + w.evalTo());
        out.put(
                "policy",
                String.format(
                        Locale.ROOT,
                        "primary=%s margin=%s tolerance=%s",
                        settings.policy().primary(),
                        settings.policy().margin(),
                        settings.policy().tolerance()));
        out.put("verdict", verdict);
        out.put("promoted", Boolean.toString(promoted));
        out.put("reason", decision.reason());
        decision.numbers().forEach((k, v) -> out.put(k, format(v)));
        return out;
    }

    private static Map<String, String> driftNote(Retraining.Challenge c, String status, Instant at) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("status", status);
        out.put("checkedAt", at.toString());
        out.put(
                "window",
                c.windows().asOf().minus(java.time.Duration.ofDays(7)) + ".."
                        + c.windows().asOf());
        out.put("psiMax", format(c.maxPsi().getValue()));
        out.put("psiMaxFeature", c.maxPsi().getKey());
        out.put("scorePsi", format(c.scorePsi()));
        c.psi().forEach((k, v) -> out.put("psi." + k, format(v)));
        return out;
    }

    private static String format(@Nullable Double v) {
        return v == null || v.isNaN() ? "NaN" : String.format(Locale.ROOT, "%.6f", v);
    }

    /** The trainer's build (its jar's manifest), or "development" when run from classes. */
    static String codeVersion() {
        String v = RetrainRun.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
