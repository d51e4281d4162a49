package io.cdp.trainer.options;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} command-line options and {@code --flag} switches, with the accepted names stated up front so
 * typos fail loudly.
 */
public final class Args {

    private final Map<String, String> values = new HashMap<>();

    public Args(String[] argv, Set<String> accepted) {
        this(argv, accepted, Set.of());
    }

    /** {@code flags} take no value: present means on. */
    public Args(String[] argv, Set<String> accepted, Set<String> flags) {
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (flags.contains(name)) {
                values.put(name, "true");
                continue;
            }
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= argv.length) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                value = argv[++i];
            }
            if (!accepted.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (accepted: " + accepted + ")");
            }
            values.put(name, value);
        }
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public String require(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("option --" + name + " is required");
        }
        return v;
    }

    public int getInt(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    public double getDouble(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }
}
