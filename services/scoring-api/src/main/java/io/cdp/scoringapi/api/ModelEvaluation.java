package io.cdp.scoringapi.api;

import io.cdp.scoring.metrics.EvaluationCurves;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** What the platform learnt about a model version after publishing it: curves, lineage, drift, decisions. */
@Schema(name = "ModelEvaluation")
public record ModelEvaluation(
        @Schema(example = "20260123T101500Z-synthetic-2a") String version,

        @Schema(
                description = "ROC on the validation days, thinned: x is the false positive rate, y the true "
                        + "positive rate. Empty when the trainer recorded none.")
        List<CurvePoint> roc,

        @Schema(description = "Precision-recall on the validation days, thinned: x is recall, y precision.")
        List<CurvePoint> pr,

        @Schema(description = "Validation transactions behind the curves.", example = "48210")
        long validationRows,

        @Schema(description = "Frauds among them.", example = "96")
        long validationFrauds,

        @Schema(
                description = "Where the version came from when a retraining run published it: data window, "
                        + "labels, feature set and code version. Empty for a version trained by hand.",
                example = "{\"dataWindow\": \"2026-01-05..2026-02-01\", \"featureSet\": \"online-card v3\"}")
        Map<String, String> lineage,

        @Schema(description = "The last drift check against this version's training data; absent before one.") @Nullable
        Drift drift,

        @Schema(
                description = "Promotion decisions about this version (as champion or challenger), oldest first, "
                        + "each with its numbers as recorded.")
        List<Map<String, String>> decisions) {

    @Schema(name = "CurvePoint")
    public record CurvePoint(double x, double y) {}

    /** Population stability of the inputs and of the score, as the retraining run recorded it. */
    @Schema(name = "Drift")
    public record Drift(
            @Schema(
                    description =
                            "STABLE, MODERATE (PSI >= 0.1), DRIFT (PSI >= 0.25) or NO_DATA (no transaction in the window).",
                    example = "STABLE")
            String status,

            @Schema(example = "2026-02-08T06:00:00Z") @Nullable
            String checkedAt,

            @Schema(example = "2026-02-01..2026-02-08") @Nullable
            String window,

            @Schema(example = "0.042") @Nullable Double psiMax,
            @Schema(example = "amount_log") @Nullable String psiMaxFeature,
            @Schema(example = "0.013") @Nullable Double scorePsi,

            @Schema(description = "PSI per feature, highest first.")
            List<FeaturePsi> features) {}

    @Schema(name = "FeaturePsi")
    public record FeaturePsi(String feature, @Nullable Double psi) {}

    static ModelEvaluation of(
            String version,
            EvaluationCurves curves,
            Map<String, String> lineage,
            Map<String, String> drift,
            List<Map<String, String>> decisions) {
        return new ModelEvaluation(
                version,
                curves.roc().stream().map(p -> new CurvePoint(p.x(), p.y())).toList(),
                curves.pr().stream().map(p -> new CurvePoint(p.x(), p.y())).toList(),
                curves.rows(),
                curves.positives(),
                new TreeMap<>(lineage),
                drift.isEmpty() ? null : drift(drift),
                decisions.stream().<Map<String, String>>map(TreeMap::new).toList());
    }

    private static Drift drift(Map<String, String> note) {
        List<FeaturePsi> features = new ArrayList<>();
        note.forEach((k, v) -> {
            if (k.startsWith("psi.")) {
                features.add(new FeaturePsi(k.substring(4), number(v)));
            }
        });
        features.sort(Comparator.comparing((FeaturePsi f) -> f.psi() == null ? Double.NEGATIVE_INFINITY : f.psi())
                .reversed()
                .thenComparing(FeaturePsi::feature));
        return new Drift(
                note.getOrDefault("status", "UNKNOWN"),
                note.get("checkedAt"),
                note.get("window"),
                number(note.get("psiMax")),
                note.get("psiMaxFeature"),
                number(note.get("scorePsi")),
                features);
    }

    /** The registry writes numbers as text, "NaN" where undefined; both that and garbage read as absent. */
    private static @Nullable Double number(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
