package io.cdp.lake.sql;

import java.util.List;
import java.util.Optional;

/**
 * The queries analysts run every morning, by name ({@code ./cdp sql --named fraud-by-day}). Plain SQL that DuckDB and
 * Athena (Trino) both accept, over the tables of {@link LakeSql}: the lake's {@code raw_transactions} and
 * {@code scored_transactions}, and the operational {@code alerts} and {@code customer_profiles}.
 */
public final class NamedQueries {

    public record NamedQuery(String name, String description, String sql) {}

    /**
     * Merchant category codes grouped as card schemes publish the ranges (ISO 18245): coarse enough that each group of
     * a day has transactions, fine enough to see where fraud concentrates.
     */
    static final String MCC_GROUP = """
            CASE
              WHEN mcc < 1500 THEN 'agricultural'
              WHEN mcc < 3000 THEN 'contracted services'
              WHEN mcc < 4000 THEN 'travel (airline, car, hotel)'
              WHEN mcc < 4800 THEN 'transportation'
              WHEN mcc < 5000 THEN 'utilities and telecom'
              WHEN mcc < 5600 THEN 'retail outlets'
              WHEN mcc < 5700 THEN 'clothing'
              WHEN mcc < 7300 THEN 'miscellaneous stores'
              WHEN mcc < 8000 THEN 'business services'
              WHEN mcc < 9000 THEN 'professional services'
              ELSE 'government'
            END""";

    public static final NamedQuery FRAUD_BY_DAY = new NamedQuery(
            "fraud-by-day",
            "labelled fraud rate by day (UTC) and MCC group, from core banking's history (raw_transactions)",
            """
            SELECT CAST(transaction_time AS DATE) AS day,
                   %s AS mcc_group,
                   count(*) AS transactions,
                   count(*) FILTER (WHERE fraud_label) AS fraud,
                   round(CAST(count(*) FILTER (WHERE fraud_label) AS DOUBLE) / count(*), 4) AS fraud_rate
            FROM raw_transactions
            GROUP BY 1, 2
            ORDER BY 1, 2""".formatted(MCC_GROUP.indent(19).strip()));

    public static final NamedQuery SCORED_BY_DAY = new NamedQuery(
            "scored-by-day",
            "the live share by day: transactions scored, decisions, alert rate and mean score (scored_transactions)",
            """
            SELECT CAST(transactiontime AS DATE) AS day,
                   count(*) AS transactions,
                   count(*) FILTER (WHERE decision = 'APPROVE') AS approve,
                   count(*) FILTER (WHERE decision = 'REVIEW') AS review,
                   count(*) FILTER (WHERE decision = 'DECLINE') AS decline,
                   round(CAST(count(*) FILTER (WHERE alert) AS DOUBLE) / count(*), 4) AS alert_rate,
                   round(avg(score), 4) AS mean_score
            FROM scored_transactions
            GROUP BY 1
            ORDER BY 1""");

    public static final NamedQuery ALERT_OUTCOMES = new NamedQuery(
            "alert-outcomes",
            "alerts by delivery state (sent, confirmed, denied, expired, ...), with how many used the fallback text",
            """
            SELECT state,
                   count(*) AS alerts,
                   round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct,
                   count(*) FILTER (WHERE fallback) AS fallback,
                   round(100.0 * count(*) FILTER (WHERE fallback) / count(*), 1) AS fallback_pct
            FROM alerts
            GROUP BY state
            ORDER BY alerts DESC, state""");

    public static final NamedQuery ALERT_EXAMPLES = new NamedQuery(
            "alert-examples",
            "the newest SMS per delivery state as composed (placeholders where the core zone fills the first name and"
                    + " the card's last four)",
            """
            SELECT state,
                   arg_max(sms_text, updated_at) AS example_sms,
                   max(updated_at) AS updated_at
            FROM alerts
            WHERE sms_text IS NOT NULL
            GROUP BY state
            ORDER BY state""");

    public static final NamedQuery SEGMENT_SIZES = new NamedQuery(
            "segment-sizes", "customers per segment (customer_profiles; erased customers left out)", """
            SELECT coalesce(segment, '(none)') AS segment,
                   count(*) AS customers,
                   round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct
            FROM customer_profiles
            WHERE NOT erased
            GROUP BY 1
            ORDER BY customers DESC, segment""");

    public static final NamedQuery CLV_BY_SEGMENT = new NamedQuery(
            "clv-by-segment",
            "predicted customer lifetime value per segment: mean, median and total (customer_profiles)",
            """
            SELECT coalesce(segment, '(none)') AS segment,
                   count(clv) AS customers,
                   round(avg(clv), 2) AS mean_clv,
                   round(approx_percentile(clv, 0.5), 2) AS median_clv,
                   round(sum(clv), 2) AS total_clv
            FROM customer_profiles
            WHERE NOT erased
            GROUP BY 1
            ORDER BY total_clv DESC NULLS LAST, segment""");

    public static final NamedQuery SEGMENT_MAP = new NamedQuery(
            "segment-map",
            "each segment's size, mean risk (highest recent score) and mean lifetime value: the console's segment map"
                    + " (customer_profiles)",
            """
            SELECT coalesce(segment, '(none)') AS segment,
                   count(*) AS customers,
                   round(avg(risk), 4) AS mean_risk,
                   round(avg(clv), 2) AS mean_clv
            FROM customer_profiles
            WHERE NOT erased
            GROUP BY 1
            ORDER BY customers DESC, segment""");

    public static final List<NamedQuery> ALL = List.of(
            FRAUD_BY_DAY, SCORED_BY_DAY, ALERT_OUTCOMES, ALERT_EXAMPLES, SEGMENT_SIZES, CLV_BY_SEGMENT, SEGMENT_MAP);

    private NamedQueries() {}

    public static Optional<NamedQuery> byName(String name) {
        return ALL.stream().filter(q -> q.name().equals(name)).findFirst();
    }
}
