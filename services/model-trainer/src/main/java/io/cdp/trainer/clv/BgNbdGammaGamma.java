package io.cdp.trainer.clv;

import io.cdp.customers.analytics.DailySpend;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.special.Gamma;

/**
 * The probabilistic baseline: BG/NBD (Fader, Hardie and Lee 2005) for the number of repeat purchase days and
 * Gamma-Gamma (Fader and Hardie 2013) for their value, both fitted by maximum likelihood (Nelder-Mead on the log
 * parameters, restarted from its own optimum until it settles). Time is in days; a customer's data is the
 * {@code lifetimes} summary: x repeat purchase days, t_x days from the first to the last purchase day, T days from
 * the first purchase day to the end of calibration, and the mean spend of the repeat days.
 */
public final class BgNbdGammaGamma {

    /** One customer's calibration summary. */
    public record Summary(int x, double tx, double t, double repeatMean) {

        /** The summary of a history up to {@code calibrationEnd} (null-free: a customer without purchases is x = 0, T = 0). */
        public static Summary of(List<DailySpend> days, LocalDate calibrationEnd) {
            LocalDate first = null;
            LocalDate last = null;
            int n = 0;
            double repeatSpend = 0;
            for (DailySpend d : days) {
                if (d.day().isAfter(calibrationEnd)) {
                    continue;
                }
                if (first == null || d.day().isBefore(first)) {
                    first = d.day();
                }
                if (last == null || d.day().isAfter(last)) {
                    last = d.day();
                }
                n++;
                repeatSpend += d.amount();
            }
            if (first == null) {
                return new Summary(0, 0, 0, 0);
            }
            // the first day's spend is not a repeat purchase
            for (DailySpend d : days) {
                if (d.day().equals(first)) {
                    repeatSpend -= d.amount();
                }
            }
            double tx = ChronoUnit.DAYS.between(first, last);
            double t = ChronoUnit.DAYS.between(first, calibrationEnd);
            return new Summary(n - 1, tx, t, n > 1 ? repeatSpend / (n - 1) : 0);
        }
    }

    /** BG/NBD's r, alpha, a, b and Gamma-Gamma's p, q, v. */
    public record Parameters(double r, double alpha, double a, double b, double p, double q, double v) {}

    private final Parameters parameters;

    private BgNbdGammaGamma(Parameters parameters) {
        this.parameters = parameters;
    }

    public static BgNbdGammaGamma of(Parameters parameters) {
        return new BgNbdGammaGamma(parameters);
    }

    public static BgNbdGammaGamma fit(List<Summary> customers) {
        double[] bg = minimise(
                log -> -bgnbdLogLikelihood(
                        customers, Math.exp(log[0]), Math.exp(log[1]), Math.exp(log[2]), Math.exp(log[3])),
                new double[] {0, Math.log(30), 0, 0});
        List<Summary> repeaters =
                customers.stream().filter(c -> c.x() > 0 && c.repeatMean() > 0).toList();
        double[] gg = repeaters.isEmpty()
                ? new double[] {Math.log(1), Math.log(2), Math.log(1)}
                : minimise(
                        log -> -gammaGammaLogLikelihood(
                                repeaters, Math.exp(log[0]), Math.exp(log[1]), Math.exp(log[2])),
                        new double[] {0, Math.log(2), Math.log(10)});
        return new BgNbdGammaGamma(new Parameters(
                Math.exp(bg[0]),
                Math.exp(bg[1]),
                Math.exp(bg[2]),
                Math.exp(bg[3]),
                Math.exp(gg[0]),
                Math.exp(gg[1]),
                Math.exp(gg[2])));
    }

    public Parameters parameters() {
        return parameters;
    }

    /** Expected spend over the next {@code days}: expected purchase days times the expected spend per day. */
    public double expectedSpend(Summary c, double days) {
        if (c.t() == 0 && c.x() == 0 && c.tx() == 0) {
            return expectedPurchases(c, days) * populationMeanSpend();
        }
        return expectedPurchases(c, days) * expectedAverageSpend(c);
    }

    /** BG/NBD's conditional expected number of purchase days in the next {@code t} days. */
    public double expectedPurchases(Summary c, double t) {
        double r = parameters.r(), alpha = parameters.alpha(), a = parameters.a(), b = parameters.b();
        int x = c.x();
        double bigT = c.t();
        double z = t / (alpha + bigT + t);
        double hyp = hypergeometric2F1(r + x, b + x, a + b + x - 1, z);
        double numerator = (a + b + x - 1)
                / (a - 1)
                * (1 - Math.exp((r + x) * Math.log((alpha + bigT) / (alpha + bigT + t))) * hyp);
        double denominator =
                1 + (x > 0 ? a / (b + x - 1) * Math.exp((r + x) * Math.log((alpha + bigT) / (alpha + c.tx()))) : 0);
        return numerator / denominator;
    }

    /** Gamma-Gamma's conditional expected spend per purchase day. */
    public double expectedAverageSpend(Summary c) {
        double p = parameters.p(), q = parameters.q(), v = parameters.v();
        double weight = p * c.x() / (p * c.x() + q - 1);
        return (1 - weight) * populationMeanSpend() + weight * c.repeatMean();
    }

    public double populationMeanSpend() {
        return parameters.v() * parameters.p() / (parameters.q() - 1);
    }

    static double bgnbdLogLikelihood(List<Summary> customers, double r, double alpha, double a, double b) {
        double sum = 0;
        double lgR = Gamma.logGamma(r);
        double lgAB = Gamma.logGamma(a + b);
        double lgB = Gamma.logGamma(b);
        for (Summary c : customers) {
            int x = c.x();
            double a1 = Gamma.logGamma(r + x) - lgR + r * Math.log(alpha);
            double a2 = lgAB + Gamma.logGamma(b + x) - lgB - Gamma.logGamma(a + b + x);
            double a3 = -(r + x) * Math.log(alpha + c.t());
            double ll;
            if (x > 0) {
                double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + c.tx());
                double max = Math.max(a3, a4);
                ll = max + Math.log(Math.exp(a3 - max) + Math.exp(a4 - max));
            } else {
                ll = a3;
            }
            sum += a1 + a2 + ll;
        }
        return Double.isFinite(sum) ? sum : Double.NEGATIVE_INFINITY;
    }

    static double gammaGammaLogLikelihood(List<Summary> repeaters, double p, double q, double v) {
        double sum = 0;
        double lgQ = Gamma.logGamma(q);
        for (Summary c : repeaters) {
            double x = c.x();
            double m = c.repeatMean();
            sum += Gamma.logGamma(p * x + q)
                    - Gamma.logGamma(p * x)
                    - lgQ
                    + q * Math.log(v)
                    + (p * x - 1) * Math.log(m)
                    + p * x * Math.log(x)
                    - (p * x + q) * Math.log(x * m + v);
        }
        return Double.isFinite(sum) ? sum : Double.NEGATIVE_INFINITY;
    }

    /** Gauss's hypergeometric function by its series (|z| < 1 here: z = t / (alpha + T + t)). */
    static double hypergeometric2F1(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int k = 0; k < 100_000; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) < 1e-15 * Math.abs(sum)) {
                break;
            }
        }
        return sum;
    }

    private static double[] minimise(ToDoubleFunction<double[]> f, double[] start) {
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-12);
        double[] point = start;
        double best = Double.POSITIVE_INFINITY;
        for (int restart = 0; restart < 6; restart++) {
            PointValuePair result = optimizer.optimize(
                    new MaxEval(50_000),
                    new ObjectiveFunction(x -> {
                        double y = f.applyAsDouble(x);
                        return Double.isFinite(y) ? y : 1e300;
                    }),
                    GoalType.MINIMIZE,
                    new InitialGuess(point),
                    new NelderMeadSimplex(point.length, 0.5));
            boolean settled = best - result.getValue() < 1e-9 * Math.abs(best);
            point = result.getPoint();
            best = Math.min(best, result.getValue());
            if (settled) {
                break;
            }
        }
        return point;
    }
}
