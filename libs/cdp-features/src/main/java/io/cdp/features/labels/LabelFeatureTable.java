package io.cdp.features.labels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Serial;
import java.io.Serializable;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Features that need labels (terminal risk, MCC risk), computed by a batch job as of one day and loaded by the
 * stream side as a whole: key to values, with the as-of day and the label delay recorded so a consumer can check it
 * is not using a table built with labels it could not have had. Values for unknown keys are {@link #defaults()}.
 *
 * <p>Plain and serializable twice: {@link Serializable} for in-JVM caches, and a small text form ({@link #write},
 * {@link #read}) for S3 next to the model, readable by anyone.
 */
public record LabelFeatureTable(
        String family,
        LocalDate asOfDay,
        int delayDays,
        List<String> names,
        double[] defaults,
        Map<String, double[]> rows)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public LabelFeatureTable {
        names = List.copyOf(names);
        defaults = defaults.clone();
        if (defaults.length != names.size()) {
            throw new IllegalArgumentException("defaults do not match names " + names);
        }
        TreeMap<String, double[]> copy = new TreeMap<>();
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            if (e.getValue().length != names.size()) {
                throw new IllegalArgumentException("row " + e.getKey() + " does not match names " + names);
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        rows = java.util.Collections.unmodifiableMap(copy);
    }

    /** The last day whose labels this table may contain: as-of day minus the delay, minus one (exclusive bound). */
    public LocalDate labelsBefore() {
        return asOfDay.minusDays(delayDays);
    }

    public boolean isKnown(String key) {
        return rows.containsKey(key);
    }

    /** Values for the key, or the defaults when the key had no labelled transaction in the windows. */
    public double[] values(String key) {
        double[] v = rows.get(key);
        return (v == null ? defaults : v).clone();
    }

    public double value(String key, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + names);
        }
        double[] v = rows.get(key);
        return v == null ? defaults[i] : v[i];
    }

    public void write(Writer out) throws IOException {
        out.write("# family=" + family + " asOfDay=" + asOfDay + " delayDays=" + delayDays + "\n");
        out.write("key\t" + String.join("\t", names) + "\n");
        out.write("*default*" + join(defaults) + "\n");
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            out.write(e.getKey() + join(e.getValue()) + "\n");
        }
        out.flush();
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double d : v) {
            b.append('\t').append(d);
        }
        return b.toString();
    }

    public static LabelFeatureTable read(Reader in) throws IOException {
        BufferedReader r = new BufferedReader(in);
        String meta = r.readLine();
        String header = r.readLine();
        String defaultsLine = r.readLine();
        if (meta == null || header == null || defaultsLine == null || !meta.startsWith("# ")) {
            throw new IOException("not a label feature table: missing header lines");
        }
        String family = null;
        LocalDate asOf = null;
        Integer delay = null;
        for (String kv : meta.substring(2).split(" ")) {
            String[] p = kv.split("=", 2);
            switch (p[0]) {
                case "family" -> family = p[1];
                case "asOfDay" -> asOf = LocalDate.parse(p[1]);
                case "delayDays" -> delay = Integer.parseInt(p[1]);
                default -> {}
            }
        }
        if (family == null || asOf == null || delay == null) {
            throw new IOException("label feature table header lacks family, asOfDay or delayDays: " + meta);
        }
        List<String> names = new ArrayList<>(Arrays.asList(header.split("\t")));
        names.removeFirst();
        double[] defaults = parse(defaultsLine.split("\t"), names.size());
        Map<String, double[]> rows = new TreeMap<>();
        String line;
        while ((line = r.readLine()) != null) {
            if (!line.isEmpty()) {
                String[] f = line.split("\t");
                rows.put(f[0], parse(f, names.size()));
            }
        }
        return new LabelFeatureTable(family, asOf, delay, names, defaults, rows);
    }

    private static double[] parse(String[] f, int n) throws IOException {
        if (f.length != n + 1) {
            throw new IOException("expected " + (n + 1) + " fields, got " + f.length);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Double.parseDouble(f[i + 1]);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LabelFeatureTable t)
                || !t.family.equals(family)
                || !t.asOfDay.equals(asOfDay)
                || t.delayDays != delayDays
                || !t.names.equals(names)
                || !Arrays.equals(t.defaults, defaults)
                || !t.rows.keySet().equals(rows.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            if (!Arrays.equals(e.getValue(), t.rows.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return family.hashCode() * 31 + asOfDay.hashCode() + rows.keySet().hashCode();
    }

    @Override
    public String toString() {
        return "LabelFeatureTable[" + family + " asOf=" + asOfDay + " delay=" + delayDays + "d keys=" + rows.size()
                + "]";
    }
}
