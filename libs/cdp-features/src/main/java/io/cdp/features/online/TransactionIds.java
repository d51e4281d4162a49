package io.cdp.features.online;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-bit id the feature windows key events on (transaction ids, and merchant ids for the TabFormer record). Transaction ids on the wire are strings; the windows hold longs
 * to stay compact (about 25 bytes an event in DynamoDB). The first 8 bytes of SHA-256 make a collision between two
 * transactions of one card within a week practically impossible, and the mapping is the same in every process, so
 * batch and stream recognise the same event.
 */
public final class TransactionIds {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    });

    private TransactionIds() {}

    public static long of(String transactionId) {
        byte[] digest = SHA256.get().digest(transactionId.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (digest[i] & 0xffL);
        }
        return v;
    }

    /** A stable 32-bit code of a token, for the integer columns of the TabFormer record (user, card, merchant). */
    public static int code(String value) {
        return (int) of(value);
    }
}
