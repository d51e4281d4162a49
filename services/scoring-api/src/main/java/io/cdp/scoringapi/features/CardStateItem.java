package io.cdp.scoringapi.features;

import io.cdp.features.tabformer.CardHistoryState;
import io.cdp.features.window.EventWindow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The feature-store item of one card (table {@code features}), the layout the stream transformer writes too:
 * <pre>
 * entityKey     S  "card#" + card token
 * velocity      B  EventWindow.toBytes() of the card's CardVelocityState
 * history       B  CardHistoryState.Snapshot, see {@link #historyBytes}
 * stateVersion  N  incremented on every write; writers put conditionally on the version they read
 * updatedAt     S  ISO-8601 instant of the write
 * expiresAt     N  epoch seconds, DynamoDB TTL: an idle card's state expires after the longest window
 * </pre>
 */
public final class CardStateItem {

    public static final String KEY_PREFIX = "card#";
    private static final byte HISTORY_FORMAT = 1;

    private CardStateItem() {
    }

    public static String key(String cardToken) {
        return KEY_PREFIX + cardToken;
    }

    public static Map<String, AttributeValue> toItem(String cardToken, CardState state, Instant now, long ttlSeconds) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("entityKey", AttributeValue.fromS(key(cardToken)));
        item.put("velocity", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(
                EventWindow.fromSnapshot(state.velocitySnapshot()).toBytes())));
        item.put("history", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(historyBytes(state.historySnapshot()))));
        item.put("stateVersion", AttributeValue.fromN(Long.toString(state.version())));
        item.put("updatedAt", AttributeValue.fromS(now.toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(now.getEpochSecond() + ttlSeconds)));
        return item;
    }

    public static CardState fromItem(Map<String, AttributeValue> item) {
        EventWindow window = EventWindow.fromBytes(item.get("velocity").b().asByteArrayUnsafe());
        CardHistoryState.Snapshot history = history(item.get("history").b().asByteArrayUnsafe());
        return new CardState(window.snapshot(), history, Long.parseLong(item.get("stateVersion").n()));
    }

    /** version byte, anyApplied, lastTime, then the ids at the last time and the merchants, each as count + longs. */
    public static byte[] historyBytes(CardHistoryState.Snapshot s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + 8 * s.merchantsOldestFirst().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(HISTORY_FORMAT);
            out.writeBoolean(s.anyApplied());
            out.writeLong(s.lastTime());
            writeLongs(out, s.idsAtLastTime());
            writeLongs(out, s.merchantsOldestFirst());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static CardHistoryState.Snapshot history(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != HISTORY_FORMAT) {
                throw new IllegalArgumentException("unknown card-history format version " + version);
            }
            return new CardHistoryState.Snapshot(in.readBoolean(), in.readLong(), readLongs(in, 1 << 16),
                    readLongs(in, CardHistoryState.MAX_MERCHANTS));
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated card-history bytes", e);
        }
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    private static long[] readLongs(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IllegalArgumentException("corrupt card-history: " + n + " values");
        }
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readLong();
        }
        return values;
    }
}
