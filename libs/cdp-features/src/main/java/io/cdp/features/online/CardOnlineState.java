package io.cdp.features.online;

import io.cdp.features.tabformer.CardHistoryState;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.features.tabformer.TabFormerFeatures;
import io.cdp.features.tabformer.TabFormerTransaction;
import io.cdp.features.velocity.CardVelocityState;
import io.cdp.features.velocity.VelocityFeatures;
import io.cdp.features.window.ApplyOutcome;
import io.cdp.features.window.EventWindow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Everything the feature store keeps for one card: its velocity window, its TabFormer history, and the history
 * features of its most recent transactions. The one definition of the card's online state and of its bytes (the
 * {@link FeatureStoreItem#STATE} attribute): the stream transformer writes it, the scoring API reads it.
 *
 * <p>Why the last part: the velocity window recognises a redelivered transaction and returns the same features
 * again, but the TabFormer history is "last event" state and cannot recompute features of an event it has moved past.
 * A replay after a crash re-reads at most one uncheckpointed batch, so remembering the history features of the card's
 * last {@value #RECENT} transactions lets a replay emit exactly what the first delivery emitted.
 *
 * <p>Card events share a shard (partition key = card token) and arrive in order, so the velocity window takes no
 * lateness: an older event that is not a redelivery is reported {@link ApplyOutcome#TOO_LATE}, never silently merged.
 */
public final class CardOnlineState {

    /** How many transactions' history features are remembered for replays. */
    public static final int RECENT = 64;
    /** The first byte of {@link #toBytes()}; a reader refuses any other. */
    public static final byte FORMAT = 1;
    /** The {@link FeatureStoreItem#STATE_FORMAT} value of an item holding this format. */
    public static final String FORMAT_NAME = "card-state/" + FORMAT;
    /**
     * Card events share a shard and arrive in order: the velocity window takes no lateness. An older event that is not
     * a redelivery has no point-in-time features.
     */
    public static final long ALLOWED_LATENESS_MILLIS = 0L;

    private final CardVelocityState velocity;
    private final CardHistoryState history;
    private long[] recentIds;
    private double[][] recentHistory;
    private int recentCount;

    private CardOnlineState(
            CardVelocityState velocity, CardHistoryState history, long[] recentIds, double[][] recentHistory) {
        this.velocity = velocity;
        this.history = history;
        this.recentIds = recentIds;
        this.recentHistory = recentHistory;
        this.recentCount = recentIds.length;
    }

    public static CardOnlineState empty() {
        return new CardOnlineState(
                new CardVelocityState(ALLOWED_LATENESS_MILLIS), new CardHistoryState(), new long[0], new double[0][]);
    }

    /** An independent copy: applying a transaction to it leaves this state as it is. */
    public CardOnlineState copy() {
        return new CardOnlineState(
                new CardVelocityState(EventWindow.fromSnapshot(velocity.window().snapshot())),
                CardHistoryState.fromSnapshot(history.snapshot()),
                Arrays.copyOf(recentIds, recentCount),
                Arrays.copyOf(recentHistory, recentCount));
    }

    /** Features of one transaction: {@link OnlineFeatures#SCHEMA} order, or none when it is too late to compute. */
    public record Result(ApplyOutcome outcome, double @Nullable [] features) {}

    /** Applies {@code tx} to this state and returns its features, computed from the state before it. */
    public Result apply(OnlineTransaction tx, TabFormerContext ctx) {
        CardVelocityState.Result v = velocity.apply(OnlineFeatures.velocityEvent(tx));
        if (v.outcome() == ApplyOutcome.TOO_LATE || v.features() == null) {
            return new Result(ApplyOutcome.TOO_LATE, null);
        }
        TabFormerTransaction tf = OnlineFeatures.tabFormer(tx);
        double[] tabformer;
        if (v.outcome() == ApplyOutcome.DUPLICATE) {
            tabformer = TabFormerFeatures.stateless(tf, ctx);
            double[] remembered = recent(tf.transactionId());
            // older than the remembered ones: the history part is unknown rather than invented (NaN = missing)
            setHistory(tabformer, remembered == null ? new double[] {Double.NaN, Double.NaN, Double.NaN} : remembered);
        } else {
            CardHistoryState.Result h = history.apply(tf, ctx);
            if (h.features() == null) {
                tabformer = TabFormerFeatures.stateless(tf, ctx);
                setHistory(tabformer, new double[] {Double.NaN, Double.NaN, Double.NaN});
            } else {
                tabformer = h.features();
            }
            remember(tf.transactionId(), new double[] {
                tabformer[OnlineFeatures.I_SINCE_LAST],
                tabformer[OnlineFeatures.I_FIRST_TX],
                tabformer[OnlineFeatures.I_FIRST_MERCHANT]
            });
        }
        return new Result(v.outcome(), OnlineFeatures.concat(v.features(), tabformer));
    }

    private static void setHistory(double[] tabformer, double[] h) {
        tabformer[OnlineFeatures.I_SINCE_LAST] = h[0];
        tabformer[OnlineFeatures.I_FIRST_TX] = h[1];
        tabformer[OnlineFeatures.I_FIRST_MERCHANT] = h[2];
    }

    private double @Nullable [] recent(long id) {
        for (int i = recentCount - 1; i >= 0; i--) {
            if (recentIds[i] == id) {
                return recentHistory[i];
            }
        }
        return null;
    }

    private void remember(long id, double[] h) {
        if (recentCount == RECENT) {
            System.arraycopy(recentIds, 1, recentIds, 0, RECENT - 1);
            System.arraycopy(recentHistory, 1, recentHistory, 0, RECENT - 1);
            recentCount--;
        } else if (recentCount == recentIds.length) {
            int cap = Math.min(RECENT, Math.max(4, recentCount * 2));
            recentIds = Arrays.copyOf(recentIds, cap);
            recentHistory = Arrays.copyOf(recentHistory, cap);
        }
        recentIds[recentCount] = id;
        recentHistory[recentCount] = h;
        recentCount++;
    }

    public EventWindow velocityWindow() {
        return velocity.window();
    }

    /** True while no transaction has been applied: the card is a cold start. */
    public boolean isEmpty() {
        return !velocity.window().anyApplied();
    }

    /** Event time (epoch ms) of the newest applied transaction; only meaningful when not {@link #isEmpty()}. */
    public long lastEventTime() {
        return velocity.window().lastAppliedTime();
    }

    /** Transactions in the card's last week as of its newest one: what a reader shows as the card's weekly count. */
    public int countLastWeek() {
        EventWindow w = velocity.window();
        if (!w.anyApplied()) {
            return 0;
        }
        long newest = w.lastAppliedTime();
        return w.size() - w.firstAfter(newest - VelocityFeatures.WINDOW_1W_MILLIS);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            byte[] window = velocity.window().toBytes();
            out.writeInt(window.length);
            out.write(window);
            CardHistoryState.Snapshot h = history.snapshot();
            out.writeBoolean(h.anyApplied());
            out.writeLong(h.lastTime());
            writeLongs(out, h.idsAtLastTime());
            writeLongs(out, h.merchantsOldestFirst());
            out.writeInt(recentCount);
            for (int i = 0; i < recentCount; i++) {
                out.writeLong(recentIds[i]);
                for (double d : recentHistory[i]) {
                    out.writeDouble(d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static CardOnlineState fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown card-state format " + format);
            }
            byte[] window = new byte[in.readInt()];
            in.readFully(window);
            CardVelocityState velocity = new CardVelocityState(EventWindow.fromBytes(window));
            boolean any = in.readBoolean();
            long lastTime = in.readLong();
            long[] ids = readLongs(in);
            long[] merchants = readLongs(in);
            CardHistoryState history =
                    CardHistoryState.fromSnapshot(new CardHistoryState.Snapshot(any, lastTime, ids, merchants));
            int n = in.readInt();
            if (n < 0 || n > RECENT) {
                throw new IllegalArgumentException("corrupt card state: " + n + " recent transactions");
            }
            long[] recentIds = new long[n];
            double[][] recentHistory = new double[n][];
            for (int i = 0; i < n; i++) {
                recentIds[i] = in.readLong();
                recentHistory[i] = new double[] {in.readDouble(), in.readDouble(), in.readDouble()};
            }
            return new CardOnlineState(velocity, history, recentIds, recentHistory);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated card state", e);
        }
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1_000_000) {
            throw new IllegalArgumentException("corrupt card state: array of " + n);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readLong();
        }
        return v;
    }
}
