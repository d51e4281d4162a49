package io.cdp.scoring.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads XGBoost's JSON model format ({@code booster.saveModel("x.json")}, {@code toByteArray("json")}) into a
 * {@link TreeEnsemble}. Supported: the gbtree booster with numerical splits, one output group, objectives
 * binary:logistic / binary:logitraw / reg:squarederror. Anything else (dart weights, categorical splits,
 * multi-class, vector leaves) is rejected rather than silently evaluated wrong.
 */
public final class XgboostJsonParser {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private XgboostJsonParser() {}

    public static XgboostModel parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in.readAllBytes());
        }
    }

    public static XgboostModel parse(byte[] json) {
        JsonNode root = MAPPER.readTree(json);
        JsonNode learner = required(root, "learner");
        JsonNode booster = required(learner, "gradient_booster");
        String boosterName = required(booster, "name").asString();
        if (!"gbtree".equals(boosterName)) {
            throw new IllegalArgumentException("unsupported booster '" + boosterName + "' (only gbtree)");
        }
        JsonNode param = required(learner, "learner_model_param");
        int featureCount = Integer.parseInt(required(param, "num_feature").asString());
        int numClass = Integer.parseInt(param.path("num_class").asString("0"));
        int numTarget = Integer.parseInt(param.path("num_target").asString("1"));
        if (numClass > 1 || numTarget > 1) {
            throw new IllegalArgumentException(
                    "multi-output models are not supported (num_class=" + numClass + ", num_target=" + numTarget + ")");
        }
        Objective objective = Objective.fromXgboostName(
                required(required(learner, "objective"), "name").asString());
        float baseScore = parseBaseScore(required(param, "base_score").asString());
        float baseMargin = objective.probabilityToMargin(baseScore);

        JsonNode model = required(booster, "model");
        JsonNode trees = required(model, "trees");
        int treeCount = trees.size();
        int nodeTotal = 0;
        for (JsonNode tree : trees) {
            nodeTotal += required(tree, "left_children").size();
        }
        int[] treeRoot = new int[treeCount];
        int[] splitFeature = new int[nodeTotal];
        float[] threshold = new float[nodeTotal];
        int[] left = new int[nodeTotal];
        int[] right = new int[nodeTotal];
        boolean[] defaultLeft = new boolean[nodeTotal];
        float[] leafValue = new float[nodeTotal];
        float[] cover = new float[nodeTotal];
        float[] gain = new float[nodeTotal];

        int offset = 0;
        for (int t = 0; t < treeCount; t++) {
            JsonNode tree = trees.get(t);
            JsonNode leftChildren = required(tree, "left_children");
            JsonNode rightChildren = required(tree, "right_children");
            JsonNode conditions = required(tree, "split_conditions");
            JsonNode indices = required(tree, "split_indices");
            JsonNode defaults = required(tree, "default_left");
            JsonNode hessians = required(tree, "sum_hessian");
            JsonNode losses = required(tree, "loss_changes");
            JsonNode splitTypes = tree.path("split_type");
            JsonNode leafSize = tree.path("tree_param").path("size_leaf_vector");
            if (!leafSize.isMissingNode() && Integer.parseInt(leafSize.asString()) > 1) {
                throw new IllegalArgumentException("vector-leaf trees are not supported");
            }
            int n = leftChildren.size();
            treeRoot[t] = offset;
            for (int i = 0; i < n; i++) {
                int g = offset + i;
                int l = leftChildren.get(i).asInt();
                if (!splitTypes.isMissingNode()
                        && splitTypes.size() > i
                        && splitTypes.get(i).asInt() != 0) {
                    throw new IllegalArgumentException("categorical splits are not supported (tree " + t + ")");
                }
                // thresholds and leaf values are float32 in XGBoost; the JSON prints them with enough digits to
                // round-trip, so parsing as double and narrowing recovers the exact float
                float condition = (float) conditions.get(i).asDouble();
                cover[g] = (float) hessians.get(i).asDouble();
                gain[g] = (float) losses.get(i).asDouble();
                if (l == -1) {
                    left[g] = -1;
                    right[g] = -1;
                    leafValue[g] = condition;
                } else {
                    left[g] = offset + l;
                    right[g] = offset + rightChildren.get(i).asInt();
                    splitFeature[g] = indices.get(i).asInt();
                    if (splitFeature[g] < 0 || splitFeature[g] >= featureCount) {
                        throw new IllegalArgumentException(
                                "split on feature " + splitFeature[g] + " outside 0.." + (featureCount - 1));
                    }
                    threshold[g] = condition;
                    JsonNode d = defaults.get(i);
                    defaultLeft[g] = d.isBoolean() ? d.asBoolean() : d.asInt() != 0;
                }
            }
            offset += n;
        }
        TreeEnsemble ensemble = new TreeEnsemble(
                featureCount,
                baseMargin,
                objective,
                treeRoot,
                splitFeature,
                threshold,
                left,
                right,
                defaultLeft,
                leafValue,
                cover,
                gain);
        List<String> names = new ArrayList<>();
        for (JsonNode name : learner.path("feature_names")) {
            names.add(name.asString());
        }
        StringBuilder version = new StringBuilder();
        for (JsonNode part : root.path("version")) {
            version.append(version.isEmpty() ? "" : ".").append(part.asInt());
        }
        return new XgboostModel(ensemble, names, version.toString());
    }

    /** XGBoost 3 writes base_score as a vector ("[3.885E-1]"), XGBoost 1.x/2.x as a scalar ("5E-1"). */
    static float parseBaseScore(String text) {
        String s = text.strip();
        if (s.startsWith("[")) {
            s = s.substring(1, s.length() - 1).strip();
            if (s.contains(",")) {
                throw new IllegalArgumentException("multi-target base_score " + text + " is not supported");
            }
        }
        return Float.parseFloat(s);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("not an XGBoost JSON model: missing '" + field + "'");
        }
        return value;
    }
}
