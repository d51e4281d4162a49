package io.cdp.scoring.model;

import java.util.Arrays;

/**
 * A gradient-boosted tree ensemble flattened into primitive arrays, evaluated the way XGBoost's CPU predictor
 * evaluates it: inputs are narrowed to float, a node sends a row left when {@code value < threshold} (both
 * float), a missing value (NaN) follows the node's default direction, and the per-tree leaf values are added to
 * the base margin in float, tree by tree, in model order. Matching those float steps is what keeps predictions
 * within 1e-6 of XGBoost's rather than merely close.
 *
 * <p>All trees share one set of node arrays; {@code treeRoot[t]} is the index of tree t's root. Child indices are
 * absolute, and a leaf is marked by {@code left == -1}. Instances are immutable and safe to share across threads.
 */
public final class TreeEnsemble {

    private final int featureCount;
    private final float baseMargin;
    private final Objective objective;
    private final int[] treeRoot;
    private final int[] splitFeature;
    private final float[] threshold;
    private final int[] left;
    private final int[] right;
    private final boolean[] defaultLeft;
    /** leaf value for a leaf; unused for an inner node */
    private final float[] leafValue;
    /** training hessian sum per node ("cover"), used by TreeSHAP */
    private final float[] cover;
    private final float[] gain;
    private final int[] maxDepth;

    TreeEnsemble(int featureCount, float baseMargin, Objective objective, int[] treeRoot, int[] splitFeature,
                 float[] threshold, int[] left, int[] right, boolean[] defaultLeft, float[] leafValue, float[] cover,
                 float[] gain) {
        this.featureCount = featureCount;
        this.baseMargin = baseMargin;
        this.objective = objective;
        this.treeRoot = treeRoot;
        this.splitFeature = splitFeature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.defaultLeft = defaultLeft;
        this.leafValue = leafValue;
        this.cover = cover;
        this.gain = gain;
        this.maxDepth = new int[treeRoot.length];
        for (int t = 0; t < treeRoot.length; t++) {
            maxDepth[t] = depth(treeRoot[t]);
        }
    }

    private int depth(int node) {
        return left[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
    }

    /** Raw margin (log-odds for binary:logistic) of one row; {@code NaN} marks a missing value. */
    public float predictMargin(double[] row) {
        checkWidth(row.length);
        float sum = baseMargin;
        for (int root : treeRoot) {
            sum += leafValue[leafIndex(root, row)];
        }
        return sum;
    }

    /** Same as {@link #predictMargin(double[])} for a float row, avoiding any conversion. */
    public float predictMargin(float[] row) {
        checkWidth(row.length);
        float sum = baseMargin;
        for (int root : treeRoot) {
            int node = root;
            while (left[node] >= 0) {
                float v = row[splitFeature[node]];
                node = v != v ? (defaultLeft[node] ? left[node] : right[node])
                        : (v < threshold[node] ? left[node] : right[node]);
            }
            sum += leafValue[node];
        }
        return sum;
    }

    /** The model output in the objective's space (a probability for binary:logistic). */
    public double predict(double[] row) {
        return objective.transform(predictMargin(row));
    }

    public double predict(float[] row) {
        return objective.transform(predictMargin(row));
    }

    int leafIndex(int root, double[] row) {
        int node = root;
        while (left[node] >= 0) {
            double x = row[splitFeature[node]];
            if (Double.isNaN(x)) {
                node = defaultLeft[node] ? left[node] : right[node];
            } else {
                node = (float) x < threshold[node] ? left[node] : right[node];
            }
        }
        return node;
    }

    private void checkWidth(int width) {
        if (width != featureCount) {
            throw new IllegalArgumentException("row has " + width + " values, the model expects " + featureCount);
        }
    }

    /** Total split gain per feature (XGBoost's importance_type "total_gain"). */
    public double[] totalGainByFeature() {
        double[] total = new double[featureCount];
        for (int n = 0; n < left.length; n++) {
            if (left[n] >= 0) {
                total[splitFeature[n]] += gain[n];
            }
        }
        return total;
    }

    /** Mean split gain per feature over the splits that use it (XGBoost's importance_type "gain"). */
    public double[] averageGainByFeature() {
        double[] total = totalGainByFeature();
        int[] count = new int[featureCount];
        for (int n = 0; n < left.length; n++) {
            if (left[n] >= 0) {
                count[splitFeature[n]]++;
            }
        }
        double[] mean = new double[featureCount];
        for (int f = 0; f < featureCount; f++) {
            mean[f] = count[f] == 0 ? 0 : total[f] / count[f];
        }
        return mean;
    }

    public int featureCount() {
        return featureCount;
    }

    public int treeCount() {
        return treeRoot.length;
    }

    public int nodeCount() {
        return left.length;
    }

    public float baseMargin() {
        return baseMargin;
    }

    public Objective objective() {
        return objective;
    }

    // package-private accessors for TreeShap, which walks the same arrays
    int root(int tree) {
        return treeRoot[tree];
    }

    int maxDepth(int tree) {
        return maxDepth[tree];
    }

    boolean isLeaf(int node) {
        return left[node] < 0;
    }

    int left(int node) {
        return left[node];
    }

    int right(int node) {
        return right[node];
    }

    int splitFeature(int node) {
        return splitFeature[node];
    }

    float threshold(int node) {
        return threshold[node];
    }

    boolean defaultLeft(int node) {
        return defaultLeft[node];
    }

    float leafValue(int node) {
        return leafValue[node];
    }

    float cover(int node) {
        return cover[node];
    }

    @Override
    public String toString() {
        return "TreeEnsemble[trees=" + treeRoot.length + ", nodes=" + left.length + ", features=" + featureCount
                + ", objective=" + objective + ", baseMargin=" + baseMargin + ", maxDepth="
                + Arrays.stream(maxDepth).max().orElse(0) + "]";
    }
}
