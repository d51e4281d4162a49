package io.cdp.scoring.model;

import java.util.Random;

/**
 * Generated fraud-like data: a rare positive class driven by a few interacting features, noise features, and
 * missing values (NaN) in every column so default directions are exercised.
 */
public record GeneratedData(float[] rowMajor, float[] labels, int rows, int columns) {

    public static GeneratedData generate(int rows, int columns, long seed, double missingRate) {
        Random random = new Random(seed);
        float[] x = new float[rows * columns];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double v = j % 3 == 0 ? Math.exp(random.nextGaussian()) * 40 : random.nextGaussian();
                x[i * columns + j] = random.nextDouble() < missingRate ? Float.NaN : (float) v;
            }
            double a = nanToZero(x[i * columns]);
            double b = nanToZero(x[i * columns + 1]);
            double c = nanToZero(x[i * columns + 2]);
            double logit = -4 + 0.02 * a + 1.5 * b * (c > 0 ? 1 : -0.5) + (Float.isNaN(x[i * columns + 1]) ? 1 : 0);
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return new GeneratedData(x, y, rows, columns);
    }

    private static double nanToZero(float v) {
        return Float.isNaN(v) ? 0 : v;
    }

    public double[] row(int i) {
        double[] r = new double[columns];
        for (int j = 0; j < columns; j++) {
            r[j] = rowMajor[i * columns + j];
        }
        return r;
    }
}
