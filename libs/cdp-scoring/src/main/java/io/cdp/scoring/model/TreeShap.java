package io.cdp.scoring.model;

import java.util.Arrays;

/**
 * Per-feature contributions with XGBoost's {@code pred_contribs} semantics: exact TreeSHAP (Lundberg et al.,
 * "Consistent Individualized Feature Attribution for Tree Ensembles", algorithm 2) over each tree, with the
 * cover (training hessian sum) of each node as the background distribution, summed over trees. The last slot
 * holds the bias: the base margin plus every tree's cover-weighted mean leaf value. For every row the slots sum to
 * the margin {@link TreeEnsemble#predictMargin(double[])} returns.
 *
 * <p>The arithmetic is float where XGBoost's is float (path weights, fractions, per-tree sums) so the results
 * track XGBoost's to float rounding. Instances are immutable and thread-safe; each call allocates its path
 * scratch space once, sized for the deepest tree, and reuses it tree after tree (a tree's walk writes every path
 * element before it reads it), so an explanation allocates a few arrays rather than four per tree.
 */
public final class TreeShap {

    private final TreeEnsemble model;
    /** per node: the cover-weighted mean of the leaf values below it (XGBoost's FillNodeMeanValue) */
    private final float[] meanValue;

    private final float bias;
    /** path scratch elements the deepest tree needs */
    private final int pathSize;

    public TreeShap(TreeEnsemble model) {
        this.model = model;
        this.meanValue = new float[model.nodeCount()];
        int maxd = 0;
        for (int t = 0; t < model.treeCount(); t++) {
            maxd = Math.max(maxd, model.maxDepth(t) + 2);
        }
        this.pathSize = (maxd * (maxd + 1)) / 2;
        // XGBoost adds each tree's mean value into the bias slot tree by tree, then the base margin at the end
        float b = 0;
        for (int t = 0; t < model.treeCount(); t++) {
            b += fillMeanValue(model.root(t));
        }
        this.bias = b + model.baseMargin();
    }

    private float fillMeanValue(int node) {
        float result;
        if (model.isLeaf(node)) {
            result = model.leafValue(node);
        } else {
            int l = model.left(node);
            int r = model.right(node);
            result = fillMeanValue(l) * model.cover(l);
            result += fillMeanValue(r) * model.cover(r);
            result /= model.cover(node);
        }
        meanValue[node] = result;
        return result;
    }

    /** Contributions of each feature, then the bias in the last slot (length featureCount + 1), margin space. */
    public double[] contributions(double[] row) {
        int features = model.featureCount();
        if (row.length != features) {
            throw new IllegalArgumentException("row has " + row.length + " values, the model expects " + features);
        }
        float[] total = new float[features + 1];
        float[] phi = new float[features + 1];
        Path path = new Path(pathSize);
        for (int t = 0; t < model.treeCount(); t++) {
            Arrays.fill(phi, 0f);
            treeShap(row, phi, model.root(t), 0, path, 0, 1f, 1f, -1, 1f);
            for (int i = 0; i < features; i++) {
                total[i] += phi[i];
            }
        }
        double[] out = new double[features + 1];
        for (int i = 0; i < features; i++) {
            out[i] = total[i];
        }
        out[features] = bias;
        return out;
    }

    /** The bias slot alone: what every row's contributions start from. */
    public double expectedMargin() {
        return bias;
    }

    /** Struct-of-arrays path storage; each recursion level owns a copy at increasing offsets, as in XGBoost. */
    private static final class Path {
        final int[] feature;
        final float[] zeroFraction;
        final float[] oneFraction;
        final float[] weight;

        Path(int size) {
            feature = new int[size];
            zeroFraction = new float[size];
            oneFraction = new float[size];
            weight = new float[size];
        }
    }

    private void treeShap(
            double[] row,
            float[] phi,
            int node,
            int depth,
            Path p,
            int parentOffset,
            float parentZero,
            float parentOne,
            int parentFeature,
            float conditionFraction) {
        if (conditionFraction == 0) {
            return;
        }
        // as in XGBoost, each level's path starts right after the parent's (depth + 1 elements): the root level
        // sits at offset 1 and copies one unused element, which keeps the scratch size XGBoost's
        int base = parentOffset + depth + 1;
        System.arraycopy(p.feature, parentOffset, p.feature, base, depth + 1);
        System.arraycopy(p.zeroFraction, parentOffset, p.zeroFraction, base, depth + 1);
        System.arraycopy(p.oneFraction, parentOffset, p.oneFraction, base, depth + 1);
        System.arraycopy(p.weight, parentOffset, p.weight, base, depth + 1);
        extend(p, base, depth, parentZero, parentOne, parentFeature);

        if (model.isLeaf(node)) {
            float leaf = model.leafValue(node);
            for (int i = 1; i <= depth; i++) {
                float w = unwoundSum(p, base, depth, i);
                phi[p.feature[base + i]] +=
                        w * (p.oneFraction[base + i] - p.zeroFraction[base + i]) * leaf * conditionFraction;
            }
            return;
        }
        int split = model.splitFeature(node);
        double x = row[split];
        int hot;
        if (Double.isNaN(x)) {
            hot = model.defaultLeft(node) ? model.left(node) : model.right(node);
        } else {
            hot = (float) x < model.threshold(node) ? model.left(node) : model.right(node);
        }
        int cold = hot == model.left(node) ? model.right(node) : model.left(node);
        float w = model.cover(node);
        float hotZero = model.cover(hot) / w;
        float coldZero = model.cover(cold) / w;
        float incomingZero = 1;
        float incomingOne = 1;

        // a feature already on the path is unwound so this split can redo it with both fractions combined
        int pathIndex = 0;
        for (; pathIndex <= depth; pathIndex++) {
            if (p.feature[base + pathIndex] == split) {
                break;
            }
        }
        int d = depth;
        if (pathIndex != d + 1) {
            incomingZero = p.zeroFraction[base + pathIndex];
            incomingOne = p.oneFraction[base + pathIndex];
            unwind(p, base, d, pathIndex);
            d -= 1;
        }
        treeShap(row, phi, hot, d + 1, p, base, hotZero * incomingZero, incomingOne, split, conditionFraction);
        treeShap(row, phi, cold, d + 1, p, base, coldZero * incomingZero, 0, split, conditionFraction);
    }

    private static void extend(Path p, int base, int depth, float zero, float one, int feature) {
        p.feature[base + depth] = feature;
        p.zeroFraction[base + depth] = zero;
        p.oneFraction[base + depth] = one;
        p.weight[base + depth] = depth == 0 ? 1.0f : 0.0f;
        for (int i = depth - 1; i >= 0; i--) {
            p.weight[base + i + 1] += one * p.weight[base + i] * (i + 1) / (float) (depth + 1);
            p.weight[base + i] = zero * p.weight[base + i] * (depth - i) / (float) (depth + 1);
        }
    }

    private static void unwind(Path p, int base, int depth, int pathIndex) {
        float one = p.oneFraction[base + pathIndex];
        float zero = p.zeroFraction[base + pathIndex];
        float nextOnePortion = p.weight[base + depth];
        for (int i = depth - 1; i >= 0; --i) {
            if (one != 0) {
                float tmp = p.weight[base + i];
                p.weight[base + i] = nextOnePortion * (depth + 1) / ((i + 1) * one);
                nextOnePortion = tmp - p.weight[base + i] * zero * (depth - i) / (float) (depth + 1);
            } else {
                p.weight[base + i] = (p.weight[base + i] * (depth + 1)) / (zero * (depth - i));
            }
        }
        for (int i = pathIndex; i < depth; ++i) {
            p.feature[base + i] = p.feature[base + i + 1];
            p.zeroFraction[base + i] = p.zeroFraction[base + i + 1];
            p.oneFraction[base + i] = p.oneFraction[base + i + 1];
        }
    }

    private static float unwoundSum(Path p, int base, int depth, int pathIndex) {
        float one = p.oneFraction[base + pathIndex];
        float zero = p.zeroFraction[base + pathIndex];
        float nextOnePortion = p.weight[base + depth];
        float total = 0;
        for (int i = depth - 1; i >= 0; --i) {
            if (one != 0) {
                float tmp = nextOnePortion * (depth + 1) / ((i + 1) * one);
                total += tmp;
                nextOnePortion = p.weight[base + i] - tmp * zero * ((depth - i) / (float) (depth + 1));
            } else if (zero != 0) {
                total += (p.weight[base + i] / zero) / ((depth - i) / (float) (depth + 1));
            }
        }
        return total;
    }
}
