package io.cdp.customers.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Segments customers two ways at once: RFM quintiles (cut points fitted on a population) mapped to the usual named
 * segments, and k-means++ clusters of standardised behaviour features, each described from its centroid. Immutable;
 * fitted by the model-trainer, stored as JSON, assigned online by customer-360.
 */
public final class SegmentModel {

    /** The RFM segment names, best first. */
    public static final List<String> SEGMENT_NAMES = List.of(
            "Champions",
            "Loyal",
            "Potential Loyalist",
            "New",
            "Promising",
            "Need Attention",
            "About to Sleep",
            "At Risk",
            "Cannot Lose Them",
            "Hibernating",
            "Lost");

    /** The standardised features the clusters are computed on, in order. */
    public static final List<String> CLUSTER_FEATURES = List.of(
            "recency_days", "log_purchase_days", "log_monetary", "log_mean_day_spend", "tenure_days", "spend_trend");

    static final String FORMAT = "cdp-customer-segments/1";

    /** A customer unseen for less than this many days and without a purchase is New rather than Lost. */
    static final int NEW_CUSTOMER_DAYS = 30;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Labels for a centroid coordinate below -0.5 / above +0.5 standard deviations, per cluster feature. */
    private static final String[][] LABELS = {
        {"recent", "lapsed"},
        {"occasional", "frequent"},
        {"low spend", "high spend"},
        {"small baskets", "large baskets"},
        {"newer", "long-standing"},
        {"declining", "growing"}
    };

    private static final double LABEL_Z = 0.5;

    /**
     * A behaviour cluster.
     *
     * @param id          its number (clusters are numbered by centroid spend, highest first)
     * @param centroid    the centroid in standard deviations, one value per {@link #CLUSTER_FEATURES}
     * @param description the centroid in words
     * @param size        customers of the fitting population in it
     */
    public record Cluster(int id, double[] centroid, String description, int size) {
        public Cluster {
            centroid = centroid.clone();
        }

        @Override
        public double[] centroid() {
            return centroid.clone();
        }
    }

    /** What is stored (JSON): everything assignment needs. */
    record State(
            String format,
            String version,
            int customers,
            double[] recencyCuts,
            double[] frequencyCuts,
            double[] monetaryCuts,
            List<String> clusterFeatures,
            double[] means,
            double[] deviations,
            double[][] centroids,
            List<String> descriptions,
            int[] sizes) {}

    private final State state;

    private SegmentModel(State state) {
        if (!FORMAT.equals(state.format())) {
            throw new IllegalArgumentException("not a segment model: format '" + state.format() + "'");
        }
        if (!CLUSTER_FEATURES.equals(state.clusterFeatures())) {
            throw new IllegalArgumentException(
                    "segment model features " + state.clusterFeatures() + " differ from " + CLUSTER_FEATURES);
        }
        if (state.recencyCuts().length != 4 || state.frequencyCuts().length != 4 || state.monetaryCuts().length != 4) {
            throw new IllegalArgumentException("a segment model needs 4 quintile cut points per RFM dimension");
        }
        if (state.centroids().length == 0
                || state.centroids().length != state.descriptions().size()
                || state.means().length != CLUSTER_FEATURES.size()
                || state.deviations().length != CLUSTER_FEATURES.size()) {
            throw new IllegalArgumentException("inconsistent segment model (centroids, descriptions, scaling)");
        }
        for (double[] c : state.centroids()) {
            if (c.length != CLUSTER_FEATURES.size()) {
                throw new IllegalArgumentException("a centroid has " + c.length + " coordinates");
            }
        }
        this.state = state;
    }

    /**
     * Fits the quintiles and the clusters on a population.
     *
     * @param customers the population (customers without any purchase take part in the clusters, not the quintiles)
     * @param clusters  k; fewer when the population has fewer distinct customers
     * @param seed      k-means++ seed: the same population and seed give the same model
     * @param version   the version recorded in the model and on every segment it assigns
     */
    public static SegmentModel fit(List<CustomerBehaviour> customers, int clusters, long seed, String version) {
        Objects.requireNonNull(version, "version");
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("no customers to fit segments on");
        }
        if (clusters < 1) {
            throw new IllegalArgumentException("clusters must be at least 1: " + clusters);
        }
        List<CustomerBehaviour> buyers =
                customers.stream().filter(b -> b.purchaseDays() > 0).toList();
        List<CustomerBehaviour> basis = buyers.isEmpty() ? customers : buyers;
        double[] recencyCuts = quintileCuts(
                basis.stream().mapToDouble(CustomerBehaviour::recencyDays).toArray());
        double[] frequencyCuts = quintileCuts(
                basis.stream().mapToDouble(CustomerBehaviour::purchaseDays).toArray());
        double[] monetaryCuts = quintileCuts(
                basis.stream().mapToDouble(CustomerBehaviour::monetary).toArray());

        int n = customers.size();
        int d = CLUSTER_FEATURES.size();
        double[][] raw = new double[n][];
        for (int i = 0; i < n; i++) {
            raw[i] = clusterFeatures(customers.get(i));
        }
        double[] means = new double[d];
        double[] deviations = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (double[] r : raw) {
                sum += r[j];
            }
            means[j] = sum / n;
            double ss = 0;
            for (double[] r : raw) {
                ss += (r[j] - means[j]) * (r[j] - means[j]);
            }
            double sd = Math.sqrt(ss / n);
            deviations[j] = sd > 1e-12 ? sd : 1.0;
        }
        List<DoublePoint> points = new ArrayList<>(n);
        for (double[] r : raw) {
            points.add(new DoublePoint(standardise(r, means, deviations)));
        }
        long distinct = points.stream()
                .map(p -> Arrays.toString(p.getPoint()))
                .distinct()
                .count();
        int k = (int) Math.min(clusters, distinct);
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        KMeansPlusPlusClusterer<DoublePoint> clusterer =
                new KMeansPlusPlusClusterer<>(k, 300, new EuclideanDistance(), random);
        List<CentroidCluster<DoublePoint>> found = new ArrayList<>(clusterer.cluster(points));
        found.removeIf(c -> c.getPoints().isEmpty());
        // numbered by centroid spend, highest first, so cluster 0 reads as the most valuable whatever the seed
        found.sort(Comparator.comparingDouble(
                (CentroidCluster<DoublePoint> c) -> -c.getCenter().getPoint()[2]));
        double[][] centroids = new double[found.size()][];
        List<String> descriptions = new ArrayList<>();
        int[] sizes = new int[found.size()];
        for (int c = 0; c < found.size(); c++) {
            centroids[c] = found.get(c).getCenter().getPoint().clone();
            descriptions.add(describe(centroids[c]));
            sizes[c] = found.get(c).getPoints().size();
        }
        return new SegmentModel(new State(
                FORMAT,
                version,
                n,
                recencyCuts,
                frequencyCuts,
                monetaryCuts,
                CLUSTER_FEATURES,
                means,
                deviations,
                centroids,
                descriptions,
                sizes));
    }

    /** The customer's RFM segment and nearest cluster. */
    public Segment assign(CustomerBehaviour b) {
        int cluster = nearestCluster(b);
        return new Segment(rfmSegment(b), cluster, describe(cluster), state.version());
    }

    /** The RFM scores 1..5 (5 best: most recent, most frequent, highest spend); 1/1/1 without purchases. */
    public int[] rfmScores(CustomerBehaviour b) {
        if (b.purchaseDays() == 0) {
            return new int[] {1, 1, 1};
        }
        int r = 5 - above(b.recencyDays(), state.recencyCuts());
        int f = 1 + above(b.purchaseDays(), state.frequencyCuts());
        int m = 1 + above(b.monetary(), state.monetaryCuts());
        return new int[] {r, f, m};
    }

    /** The named RFM segment of a customer. */
    public String rfmSegment(CustomerBehaviour b) {
        if (b.purchaseDays() == 0) {
            return b.tenureDays() < NEW_CUSTOMER_DAYS ? "New" : "Lost";
        }
        int[] s = rfmScores(b);
        return segmentName(s[0], s[1], s[2]);
    }

    /**
     * The standard RFM map on recency and a frequency-monetary score ({@code (F + M) / 2} rounded up): the usual
     * R x F grid (Champions 5/4-5, Loyal 3-4/4-5, Potential Loyalist 4-5/2-3, New 5/1, Promising 4/1, Need
     * Attention 3/3, About to Sleep 3/1-2, At Risk 1-2/3-4, Cannot Lose Them 1-2/5, Hibernating 1-2/1-2) with its
     * lowest corner, 1/1, named Lost.
     */
    public static String segmentName(int r, int f, int m) {
        check(r);
        check(f);
        check(m);
        int fm = (f + m + 1) / 2;
        if (r <= 2) {
            if (fm == 5) {
                return "Cannot Lose Them";
            }
            if (fm >= 3) {
                return "At Risk";
            }
            return r == 1 && fm == 1 ? "Lost" : "Hibernating";
        }
        if (r == 3) {
            if (fm >= 4) {
                return "Loyal";
            }
            return fm == 3 ? "Need Attention" : "About to Sleep";
        }
        if (fm >= 4) {
            return r == 5 ? "Champions" : "Loyal";
        }
        if (fm >= 2) {
            return "Potential Loyalist";
        }
        return r == 5 ? "New" : "Promising";
    }

    /** The nearest centroid to the customer's standardised features. */
    public int nearestCluster(CustomerBehaviour b) {
        double[] z = standardise(clusterFeatures(b), state.means(), state.deviations());
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        double[][] centroids = state.centroids();
        for (int c = 0; c < centroids.length; c++) {
            double dist = 0;
            for (int j = 0; j < z.length; j++) {
                double diff = z[j] - centroids[c][j];
                dist += diff * diff;
            }
            if (dist < bestDistance) {
                bestDistance = dist;
                best = c;
            }
        }
        return best;
    }

    /** The description of a cluster. */
    public String describe(int cluster) {
        return state.descriptions().get(cluster);
    }

    public String version() {
        return state.version();
    }

    /** The clusters, in id order. */
    public List<Cluster> clusters() {
        List<Cluster> out = new ArrayList<>();
        for (int c = 0; c < state.centroids().length; c++) {
            out.add(new Cluster(c, state.centroids()[c], state.descriptions().get(c), state.sizes()[c]));
        }
        return out;
    }

    /** How many customers the model was fitted on. */
    public int fittedCustomers() {
        return state.customers();
    }

    public byte[] toJson() {
        return MAPPER.writeValueAsBytes(state);
    }

    public static SegmentModel fromJson(byte[] json) {
        Objects.requireNonNull(json, "json");
        State state;
        try {
            state = MAPPER.readValue(json, State.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable segment model: " + e.getMessage(), e);
        }
        return new SegmentModel(state);
    }

    static double[] clusterFeatures(CustomerBehaviour b) {
        return new double[] {
            b.recencyDays(),
            Math.log1p(b.purchaseDays()),
            Math.log1p(Math.max(0, b.monetary())),
            Math.log1p(Math.max(0, b.meanDaySpend())),
            b.tenureDays(),
            b.spendTrend()
        };
    }

    static String describe(double[] centroid) {
        List<String> words = new ArrayList<>();
        for (int j = 0; j < centroid.length; j++) {
            if (centroid[j] <= -LABEL_Z) {
                words.add(LABELS[j][0]);
            } else if (centroid[j] >= LABEL_Z) {
                words.add(LABELS[j][1]);
            }
        }
        return words.isEmpty() ? "typical" : String.join(", ", words);
    }

    /** The 20th, 40th, 60th and 80th percentiles. */
    static double[] quintileCuts(double[] values) {
        Percentile p = new Percentile();
        p.setData(values);
        return new double[] {p.evaluate(20), p.evaluate(40), p.evaluate(60), p.evaluate(80)};
    }

    private static int above(double x, double[] cuts) {
        int n = 0;
        for (double c : cuts) {
            if (x > c) {
                n++;
            }
        }
        return n;
    }

    private static double[] standardise(double[] raw, double[] means, double[] deviations) {
        double[] z = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            z[j] = (raw[j] - means[j]) / deviations[j];
        }
        return z;
    }

    private static void check(int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("RFM scores are 1..5: " + score);
        }
    }
}
