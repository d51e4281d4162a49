package io.cdp.training.dataset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a training set exactly as XGBoost sees it: feature names, then every row's values as float32 bits,
 * then the labels. Two runs with the same fingerprint trained on the same bytes, whatever files they came from.
 */
public final class Fingerprint {

    private Fingerprint() {}

    public static String of(TrainingRows rows) {
        MessageDigest sha = sha256();
        for (String name : rows.featureNames()) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        ByteBuffer buffer =
                ByteBuffer.allocate(4 * Math.max(1, rows.featureNames().size()) + 1);
        for (int i = 0; i < rows.size(); i++) {
            buffer.clear();
            for (double v : rows.features()[i]) {
                buffer.putInt(Float.floatToIntBits((float) v));
            }
            buffer.put((byte) (rows.labels()[i] ? 1 : 0));
            sha.update(buffer.array(), 0, buffer.position());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
