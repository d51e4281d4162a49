package io.cdp.features.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of a feature family in the one order used for training sets and for serving vectors. A model
 * artifact records {@link #fingerprint()} so a serving process can refuse a vector built in another order.
 */
public record FeatureSchema(String family, int version, List<String> names) {

    public FeatureSchema {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a feature schema needs at least one name");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("duplicate feature name in " + family + ": " + names);
        }
    }

    public int size() {
        return names.size();
    }

    /** Position of a feature; throws for an unknown name so a typo fails loudly rather than reading column 0. */
    public int indexOf(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no feature '" + name + "' in " + family + " v" + version);
        }
        return i;
    }

    /** Stable identity of name, order and version: changes whenever a feature is added, removed or moved. */
    public String fingerprint() {
        return family + "/v" + version + "/"
                + Integer.toHexString(String.join(",", names).hashCode());
    }

    public FeatureVector vector(double[] values) {
        return new FeatureVector(this, values);
    }

    /** Name to value, for logging reason codes and for tests that read features by name. */
    public Map<String, Double> asMap(double[] values) {
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), values[i]);
        }
        return m;
    }
}
