package io.cdp.features.schema;

import java.util.Arrays;

/** Values of one transaction in the order of its {@link FeatureSchema}. */
public record FeatureVector(FeatureSchema schema, double[] values) {

    public FeatureVector {
        if (values.length != schema.size()) {
            throw new IllegalArgumentException("vector of " + values.length + " values for schema "
                    + schema.fingerprint() + " of " + schema.size());
        }
        values = values.clone();
    }

    public double get(String name) {
        return values[schema.indexOf(name)];
    }

    public boolean flag(String name) {
        return get(name) != 0.0;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector v && v.schema.equals(schema) && Arrays.equals(v.values, values);
    }

    @Override
    public int hashCode() {
        return schema.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return schema.asMap(values).toString();
    }
}
