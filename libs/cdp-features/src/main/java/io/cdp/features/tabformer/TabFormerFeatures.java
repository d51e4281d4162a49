package io.cdp.features.tabformer;

import io.cdp.features.labels.LabelFeatureTable;
import io.cdp.features.schema.FeatureSchema;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Per-transaction signals from the TabFormer columns. Unknown is explicit everywhere: a value that cannot be known
 * gets a sentinel and a flag next to it, never a plausible-looking number.
 * <ul>
 *   <li>{@code mcc_risk}: the MCC's fraud rate from the label table as of the transaction's day (labels older than
 *       the delay); unknown MCC or no table: the table's prior (or 0 without a table) and {@code mcc_risk_unknown}=1.</li>
 *   <li>{@code use_chip/use_swipe/use_online}: one-hot of {@code Use Chip}.</li>
 *   <li>{@code foreign_merchant}: {@code Merchant State} holds something other than a US state/DC code (the format
 *       writes the country there); online merchants (empty state) are not foreign.</li>
 *   <li>{@code any_error} and the main kinds of {@code Errors?}; card-data errors (number, CVV, expiration) are one
 *       kind.</li>
 *   <li>{@code hour_of_day} 0..23.</li>
 *   <li>{@code seconds_since_card_last_tx}: -1 with {@code card_first_tx}=1 for the card's first transaction.</li>
 *   <li>{@code first_time_at_merchant}: the card has not used this merchant among its last
 *       {@link CardHistoryState#MAX_MERCHANTS} distinct merchants (bounded memory; exact below that).</li>
 *   <li>{@code distance_from_home_km}: haversine from the user's home to the merchant zip's coordinates. Unknown
 *       (-1, {@code distance_unknown}=1) when the user's home is not known, the merchant is online or foreign, the
 *       zip is empty, or the zip is not in the gazetteer.</li>
 * </ul>
 */
public final class TabFormerFeatures {

    public static final List<String> NAMES = List.of(
            "mcc_risk",
            "mcc_risk_unknown",
            "use_chip",
            "use_swipe",
            "use_online",
            "foreign_merchant",
            "any_error",
            "error_bad_pin",
            "error_insufficient_balance",
            "error_technical_glitch",
            "error_bad_card_data",
            "error_bad_zipcode",
            "hour_of_day",
            "seconds_since_card_last_tx",
            "card_first_tx",
            "first_time_at_merchant",
            "distance_from_home_km",
            "distance_unknown");
    public static final FeatureSchema SCHEMA = new FeatureSchema("tabformer", 1, NAMES);

    static final int I_SINCE_LAST = 13;
    static final int I_FIRST_TX = 14;
    static final int I_FIRST_MERCHANT = 15;

    public static final double UNKNOWN = -1.0;

    static final Set<String> US_STATES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
            "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
            "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC");

    private TabFormerFeatures() {}

    /** Everything that depends on this transaction and the context only (not on the card's history). */
    public static double[] stateless(TabFormerTransaction tx, TabFormerContext ctx) {
        double[] row = new double[NAMES.size()];
        LabelFeatureTable table = ctx.mccRiskAsOf().apply(tx.time().toLocalDate());
        String mcc = Integer.toString(tx.mcc());
        if (table == null) {
            row[0] = 0.0;
            row[1] = 1;
        } else {
            row[0] = table.value(mcc, ctx.mccRiskColumn());
            row[1] = table.isKnown(mcc) ? 0 : 1;
        }
        row[2] = tx.useChip() == TabFormerTransaction.UseChip.CHIP ? 1 : 0;
        row[3] = tx.useChip() == TabFormerTransaction.UseChip.SWIPE ? 1 : 0;
        row[4] = tx.useChip() == TabFormerTransaction.UseChip.ONLINE ? 1 : 0;
        boolean foreign = isForeign(tx.merchantState());
        row[5] = foreign ? 1 : 0;
        String errors = tx.errors().toLowerCase(Locale.ROOT);
        row[6] = errors.isBlank() ? 0 : 1;
        row[7] = errors.contains("bad pin") ? 1 : 0;
        row[8] = errors.contains("insufficient balance") ? 1 : 0;
        row[9] = errors.contains("technical glitch") ? 1 : 0;
        row[10] = errors.contains("bad card number") || errors.contains("bad cvv") || errors.contains("bad expiration")
                ? 1
                : 0;
        row[11] = errors.contains("bad zipcode") ? 1 : 0;
        row[12] = tx.time().getHour();
        GeoPoint home = ctx.homes().get(tx.user());
        GeoPoint merchant = foreign || tx.useChip() == TabFormerTransaction.UseChip.ONLINE || tx.zip() == null
                ? null
                : ctx.zipLocations().get(tx.zip());
        if (home == null || merchant == null) {
            row[16] = UNKNOWN;
            row[17] = 1;
        } else {
            row[16] = home.distanceKm(merchant);
            row[17] = 0;
        }
        return row;
    }

    public static boolean isForeign(String merchantState) {
        String s = merchantState.strip();
        return !s.isEmpty() && !US_STATES.contains(s.toUpperCase(Locale.ROOT));
    }

    /**
     * Batch: one row per transaction in input order, history features from the card's earlier transactions (equal
     * times in input order). Independent of {@link CardHistoryState}, same rules.
     */
    public static double[][] compute(List<TabFormerTransaction> txs, TabFormerContext ctx) {
        int n = txs.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = txs.get(a).cardKey().compareTo(txs.get(b).cardKey());
            return c != 0 ? c : txs.get(a).time().compareTo(txs.get(b).time());
        });
        double[][] rows = new double[n][];
        String card = null;
        long prevTime = 0;
        Map<Long, Boolean> merchants = lru();
        for (int p = 0; p < n; p++) {
            TabFormerTransaction tx = txs.get(order[p]);
            double[] row = stateless(tx, ctx);
            if (!tx.cardKey().equals(card)) {
                card = tx.cardKey();
                merchants = lru();
                row[I_SINCE_LAST] = UNKNOWN;
                row[I_FIRST_TX] = 1;
            } else {
                row[I_SINCE_LAST] = (tx.eventTimeMillis() - prevTime) / 1000.0;
                row[I_FIRST_TX] = 0;
            }
            row[I_FIRST_MERCHANT] = merchants.containsKey(tx.merchantName()) ? 0 : 1;
            merchants.put(tx.merchantName(), Boolean.TRUE);
            prevTime = tx.eventTimeMillis();
            rows[order[p]] = row;
        }
        return rows;
    }

    private static Map<Long, Boolean> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > CardHistoryState.MAX_MERCHANTS;
            }
        };
    }
}
