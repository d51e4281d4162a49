package io.cdp.training.train;

import io.cdp.training.dataset.TrainingRows;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/** Generated fraud-like training rows spread over days: rare positives driven by two features, some missing. */
public final class Generated {

    private Generated() {}

    public static TrainingRows rows(int n, long seed, LocalDate firstDay, int days) {
        Random random = new Random(seed);
        double[][] x = new double[n][4];
        boolean[] y = new boolean[n];
        LocalDate[] d = new LocalDate[n];
        long[] cards = new long[n];
        for (int i = 0; i < n; i++) {
            double amount = Math.exp(random.nextGaussian()) * 50;
            double night = random.nextDouble() < 0.2 ? 1 : 0;
            x[i] = new double[] {
                amount, night, random.nextDouble() < 0.1 ? Double.NaN : random.nextGaussian(), random.nextGaussian()
            };
            double logit = -4.5 + 0.015 * amount + 1.5 * night;
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            d[i] = firstDay.plusDays((long) i * days / n);
            cards[i] = random.nextInt(n / 5 + 1);
        }
        return new TrainingRows(List.of("amount", "night", "noise_missing", "noise"), x, y, d, cards);
    }
}
