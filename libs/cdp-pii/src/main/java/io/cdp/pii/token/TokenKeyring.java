package io.cdp.pii.token;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The tokenization keys a process holds in memory, by version: the current one, under which new tokens are made, and
 * every older version still live, under which a lookup can recompute a subject's earlier tokens so joins across a
 * rotation keep working. Plaintext key bytes exist only here, decrypted from KMS at start-up.
 */
public final class TokenKeyring {

    private final int current;
    private final SortedMap<Integer, byte[]> keys;

    public TokenKeyring(int current, Map<Integer, byte[]> keys) {
        if (!keys.containsKey(current)) {
            throw new IllegalArgumentException("the current token key version " + current + " has no key");
        }
        var copy = new TreeMap<Integer, byte[]>();
        keys.forEach((version, key) -> {
            if (version < 1 || version > 999) {
                throw new IllegalArgumentException("token key versions run from 1 to 999, was " + version);
            }
            copy.put(version, key.clone());
        });
        if (copy.lastKey() != current) {
            throw new IllegalArgumentException("the current token key version must be the newest, " + current
                    + " is older than " + copy.lastKey());
        }
        this.current = current;
        this.keys = copy;
    }

    /** One key as version 1, for tests and for benchmarks that need no KMS. */
    public static TokenKeyring single(byte[] key) {
        return new TokenKeyring(1, Map.of(1, key));
    }

    public int current() {
        return current;
    }

    /** Versions oldest first. */
    public java.util.List<Integer> versions() {
        return java.util.List.copyOf(keys.keySet());
    }

    byte[] key(int version) {
        byte[] key = keys.get(version);
        if (key == null) {
            throw new UnknownTokenKeyVersionException(version);
        }
        return key;
    }

    @Override
    public String toString() {
        // never the key bytes
        return "TokenKeyring[current=v" + current + ", versions=" + keys.keySet() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenKeyring that
                && current == that.current
                && keys.size() == that.keys.size()
                && keys.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), that.keys.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(current) * 31 + keys.keySet().hashCode();
    }
}
