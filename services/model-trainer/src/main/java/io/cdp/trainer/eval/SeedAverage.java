package io.cdp.trainer.eval;

/**
 * The score of a seed ensemble in validation: the mean of its members' margins, row by row. It is what the merged
 * model of {@link io.cdp.training.train.MarginAverage} computes in one pass, so a validation candidate of k seeds is
 * scored as the final model of k seeds will be, without merging a model per candidate.
 */
final class SeedAverage {

    private SeedAverage() {}

    /** Row-wise mean of the first {@code members} margin arrays. */
    static double[] mean(double[][] margins, int members) {
        if (members < 1 || members > margins.length) {
            throw new IllegalArgumentException("members " + members + " outside 1.." + margins.length);
        }
        int n = margins[0].length;
        double[] out = new double[n];
        for (int m = 0; m < members; m++) {
            if (margins[m].length != n) {
                throw new IllegalArgumentException("member " + m + " scored " + margins[m].length + " rows, not " + n);
            }
            for (int i = 0; i < n; i++) {
                out[i] += margins[m][i];
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] /= members;
        }
        return out;
    }
}
