package io.cdp.training.train;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges k XGBoost JSON models trained on the same rows (a seed ensemble: bagged boosters with different row and
 * column subsamples) into one XGBoost JSON model whose margin is the mean of the members' margins: every member's
 * trees are concatenated and every tree's node weights are divided by k. The members share the base score (it is
 * estimated from the same labels), so {@code base + (1/k) * sum of all trees} is exactly the average margin.
 *
 * <p>One model file keeps serving unchanged: the pure-Java evaluator, XGBoost4J and SageMaker's XGBoost container
 * all read the merged model as an ordinary gbtree with {@code k * rounds} trees, and ranking by the mean margin is
 * ranking by the averaged log-odds of the members.
 */
public final class MarginAverage {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private MarginAverage() {}

    public static byte[] merge(List<byte[]> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no member models to merge");
        }
        if (members.size() == 1) {
            return members.getFirst();
        }
        double scale = 1.0 / members.size();
        ObjectNode merged = (ObjectNode) MAPPER.readTree(members.getFirst());
        ObjectNode learner = (ObjectNode) merged.required("learner");
        String baseScore =
                learner.required("learner_model_param").required("base_score").asString();
        String objective = learner.required("objective").required("name").asString();
        ObjectNode model = (ObjectNode) learner.required("gradient_booster").required("model");
        String parallel =
                model.path("gbtree_model_param").path("num_parallel_tree").asString("1");
        if (!"1".equals(parallel)) {
            throw new IllegalArgumentException("members with num_parallel_tree " + parallel + " are not supported");
        }
        ArrayNode trees = MAPPER.createArrayNode();
        for (int m = 0; m < members.size(); m++) {
            JsonNode learnerM = MAPPER.readTree(members.get(m)).required("learner");
            String baseM = learnerM.required("learner_model_param")
                    .required("base_score")
                    .asString();
            String objectiveM = learnerM.required("objective").required("name").asString();
            if (!baseScore.equals(baseM) || !objective.equals(objectiveM)) {
                throw new IllegalArgumentException("member " + m + " differs in base score or objective (" + baseM + " "
                        + objectiveM + " vs " + baseScore + " " + objective + "): not trained on the same rows");
            }
            for (JsonNode tree :
                    learnerM.required("gradient_booster").required("model").required("trees")) {
                ObjectNode t = (ObjectNode) tree.deepCopy();
                scaleTree(t, scale);
                t.put("id", trees.size());
                trees.add(t);
            }
        }
        model.set("trees", trees);
        ArrayNode treeInfo = MAPPER.createArrayNode();
        ArrayNode indptr = MAPPER.createArrayNode();
        indptr.add(0);
        for (int i = 0; i < trees.size(); i++) {
            treeInfo.add(0);
            indptr.add(i + 1);
        }
        model.set("tree_info", treeInfo);
        if (model.has("iteration_indptr")) {
            model.set("iteration_indptr", indptr);
        }
        ((ObjectNode) model.required("gbtree_model_param")).put("num_trees", String.valueOf(trees.size()));
        // a best iteration of one member means nothing for the merged model
        if (learner.path("attributes") instanceof ObjectNode attributes) {
            attributes.remove(List.of("best_iteration", "best_ntree_limit", "best_score"));
        }
        return MAPPER.writeValueAsBytes(merged);
    }

    /** Leaf values (a leaf's split condition) and every node weight, times {@code scale}, kept float32. */
    private static void scaleTree(ObjectNode tree, double scale) {
        JsonNode left = tree.required("left_children");
        ArrayNode conditions = (ArrayNode) tree.required("split_conditions");
        for (int i = 0; i < left.size(); i++) {
            if (left.get(i).asInt() == -1) {
                conditions.set(
                        i, conditions.numberNode((float) (conditions.get(i).asDouble() * scale)));
            }
        }
        if (tree.get("base_weights") instanceof ArrayNode weights) {
            for (int i = 0; i < weights.size(); i++) {
                weights.set(i, weights.numberNode((float) (weights.get(i).asDouble() * scale)));
            }
        }
    }
}
