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
 *
 * <p>Prediction uses a second, "complete" layout when the deepest tree has at most {@value #COMPLETE_MAX_DEPTH}
 * levels: every tree is padded to the ensemble's depth D (a leaf above depth D becomes a subtree whose leaves all
 * carry its value) and stored heap-ordered in flat per-ensemble arrays, so a row walks exactly D levels per tree with
 * {@code i = 2i + 1 + goRight} and no data-dependent branch, and four trees are walked side by side so their
 * independent loads overlap. Leaf values are still added one tree at a time in model order, so the float sum is
 * bit-identical to the node-by-node walk.
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

    static final int COMPLETE_MAX_DEPTH = 8;
    /** depth every tree is padded to in the complete layout; -1 when the layout is not built */
    private final int completeDepth;
    /** per tree (2^D - 1) inner nodes, heap order: feature, threshold, 1 when a missing value goes right */
    private final int[] cFeature;

    private final float[] cThreshold;
    private final int[] cNanRight;
    /** per tree 2^D leaf values */
    private final float[] cLeaf;

    TreeEnsemble(
            int featureCount,
            float baseMargin,
            Objective objective,
            int[] treeRoot,
            int[] splitFeature,
            float[] threshold,
            int[] left,
            int[] right,
            boolean[] defaultLeft,
            float[] leafValue,
            float[] cover,
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
        int deepest = Arrays.stream(maxDepth).max().orElse(0);
        if (deepest <= COMPLETE_MAX_DEPTH) {
            completeDepth = deepest;
            int inner = (1 << deepest) - 1;
            int leaves = 1 << deepest;
            cFeature = new int[treeRoot.length * inner];
            cThreshold = new float[treeRoot.length * inner];
            cNanRight = new int[treeRoot.length * inner];
            cLeaf = new float[treeRoot.length * leaves];
            for (int t = 0; t < treeRoot.length; t++) {
                fillComplete(treeRoot[t], 0, 0, t * inner, t * leaves);
            }
        } else {
            completeDepth = -1;
            cFeature = null;
            cThreshold = null;
            cNanRight = null;
            cLeaf = null;
        }
    }

    /** Copies the subtree at {@code node} to heap position {@code pos} (level {@code level}) of the complete tree. */
    private void fillComplete(int node, int pos, int level, int innerBase, int leafBase) {
        int d = completeDepth;
        if (level == d) {
            cLeaf[leafBase + pos - ((1 << d) - 1)] = leafValue[node];
            return;
        }
        if (left[node] < 0) {
            // a leaf above the full depth: a padding split (feature 0, goes left for any finite value) whose
            // subtree leaves all hold this leaf's value, so the direction taken cannot matter
            cFeature[innerBase + pos] = 0;
            cThreshold[innerBase + pos] = Float.POSITIVE_INFINITY;
            cNanRight[innerBase + pos] = 0;
            fillComplete(node, 2 * pos + 1, level + 1, innerBase, leafBase);
            fillComplete(node, 2 * pos + 2, level + 1, innerBase, leafBase);
            return;
        }
        cFeature[innerBase + pos] = splitFeature[node];
        cThreshold[innerBase + pos] = threshold[node];
        cNanRight[innerBase + pos] = defaultLeft[node] ? 0 : 1;
        fillComplete(left[node], 2 * pos + 1, level + 1, innerBase, leafBase);
        fillComplete(right[node], 2 * pos + 2, level + 1, innerBase, leafBase);
    }

    /** An ensemble of this one's first {@code count} trees (what XGBoost's iteration_range (0, count) predicts). */
    public TreeEnsemble firstTrees(int count) {
        if (count < 0 || count > treeRoot.length) {
            throw new IllegalArgumentException("count " + count + " outside 0.." + treeRoot.length);
        }
        return new TreeEnsemble(
                featureCount,
                baseMargin,
                objective,
                Arrays.copyOf(treeRoot, count),
                splitFeature,
                threshold,
                left,
                right,
                defaultLeft,
                leafValue,
                cover,
                gain);
    }

    private int depth(int node) {
        return left[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
    }

    /** Raw margin (log-odds for binary:logistic) of one row; {@code NaN} marks a missing value. */
    public float predictMargin(double[] row) {
        checkWidth(row.length);
        if (completeDepth >= 0) {
            return completeMargin(row);
        }
        float sum = baseMargin;
        for (int root : treeRoot) {
            sum += leafValue[leafIndex(root, row)];
        }
        return sum;
    }

    /** Same as {@link #predictMargin(double[])} for a float row, avoiding any conversion: the serving hot path. */
    public float predictMargin(float[] row) {
        checkWidth(row.length);
        if (completeDepth >= 0) {
            return completeMargin(row);
        }
        float sum = baseMargin;
        for (int root : treeRoot) {
            int node = root;
            while (left[node] >= 0) {
                float v = row[splitFeature[node]];
                node = v != v
                        ? (defaultLeft[node] ? left[node] : right[node])
                        : (v < threshold[node] ? left[node] : right[node]);
            }
            sum += leafValue[node];
        }
        return sum;
    }

    private float completeMargin(float[] row) {
        final int d = completeDepth;
        final int inner = (1 << d) - 1;
        final int leaves = 1 << d;
        final int[] feature = cFeature;
        final float[] thr = cThreshold;
        final int[] nanRight = cNanRight;
        final float[] leaf = cLeaf;
        final int trees = treeRoot.length;
        float sum = baseMargin;
        int t = 0;
        for (; t + 4 <= trees; t += 4) {
            int b0 = t * inner;
            int b1 = b0 + inner;
            int b2 = b1 + inner;
            int b3 = b2 + inner;
            int i0 = 0;
            int i1 = 0;
            int i2 = 0;
            int i3 = 0;
            for (int level = 0; level < d; level++) {
                i0 = 2 * i0 + 1 + goRight(row[feature[b0 + i0]], thr[b0 + i0], nanRight[b0 + i0]);
                i1 = 2 * i1 + 1 + goRight(row[feature[b1 + i1]], thr[b1 + i1], nanRight[b1 + i1]);
                i2 = 2 * i2 + 1 + goRight(row[feature[b2 + i2]], thr[b2 + i2], nanRight[b2 + i2]);
                i3 = 2 * i3 + 1 + goRight(row[feature[b3 + i3]], thr[b3 + i3], nanRight[b3 + i3]);
            }
            int l0 = t * leaves - inner;
            sum += leaf[l0 + i0];
            sum += leaf[l0 + leaves + i1];
            sum += leaf[l0 + 2 * leaves + i2];
            sum += leaf[l0 + 3 * leaves + i3];
        }
        for (; t < trees; t++) {
            int b = t * inner;
            int i = 0;
            for (int level = 0; level < d; level++) {
                i = 2 * i + 1 + goRight(row[feature[b + i]], thr[b + i], nanRight[b + i]);
            }
            sum += leaf[t * leaves - inner + i];
        }
        return sum;
    }

    /**
     * The same walk as {@link #completeMargin(float[])}, kept as a copy on purpose: converting a double row to a
     * float array first would allocate on every call of the scoring hot path; each value is narrowed where read.
     */
    private float completeMargin(double[] row) {
        final int d = completeDepth;
        final int inner = (1 << d) - 1;
        final int leaves = 1 << d;
        final int[] feature = cFeature;
        final float[] thr = cThreshold;
        final int[] nanRight = cNanRight;
        final float[] leaf = cLeaf;
        final int trees = treeRoot.length;
        float sum = baseMargin;
        int t = 0;
        for (; t + 4 <= trees; t += 4) {
            int b0 = t * inner;
            int b1 = b0 + inner;
            int b2 = b1 + inner;
            int b3 = b2 + inner;
            int i0 = 0;
            int i1 = 0;
            int i2 = 0;
            int i3 = 0;
            for (int level = 0; level < d; level++) {
                i0 = 2 * i0 + 1 + goRight((float) row[feature[b0 + i0]], thr[b0 + i0], nanRight[b0 + i0]);
                i1 = 2 * i1 + 1 + goRight((float) row[feature[b1 + i1]], thr[b1 + i1], nanRight[b1 + i1]);
                i2 = 2 * i2 + 1 + goRight((float) row[feature[b2 + i2]], thr[b2 + i2], nanRight[b2 + i2]);
                i3 = 2 * i3 + 1 + goRight((float) row[feature[b3 + i3]], thr[b3 + i3], nanRight[b3 + i3]);
            }
            int l0 = t * leaves - inner;
            sum += leaf[l0 + i0];
            sum += leaf[l0 + leaves + i1];
            sum += leaf[l0 + 2 * leaves + i2];
            sum += leaf[l0 + 3 * leaves + i3];
        }
        for (; t < trees; t++) {
            int b = t * inner;
            int i = 0;
            for (int level = 0; level < d; level++) {
                i = 2 * i + 1 + goRight((float) row[feature[b + i]], thr[b + i], nanRight[b + i]);
            }
            sum += leaf[t * leaves - inner + i];
        }
        return sum;
    }

    /**
     * 1 when XGBoost sends the value right: {@code !(v < threshold)} for a present value, the node's default
     * direction for a missing one. Written as flag arithmetic so the JIT emits set/cmov rather than branches.
     */
    private static int goRight(float v, float threshold, int nanRight) {
        int notLess = v < threshold ? 0 : 1; // NaN compares false: 1
        int missing = v != v ? 1 : 0;
        return notLess - (missing & (1 - nanRight));
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

    /** The split thresholds the ensemble uses on one feature, in node order (for generating realistic rows). */
    public float[] splitThresholds(int feature) {
        int count = 0;
        for (int n = 0; n < left.length; n++) {
            count += left[n] >= 0 && splitFeature[n] == feature ? 1 : 0;
        }
        float[] out = new float[count];
        int k = 0;
        for (int n = 0; n < left.length; n++) {
            if (left[n] >= 0 && splitFeature[n] == feature) {
                out[k++] = threshold[n];
            }
        }
        return out;
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

    /** Whether predictions take the padded complete-tree path (package-private, for tests). */
    boolean completeLayout() {
        return completeDepth >= 0;
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
