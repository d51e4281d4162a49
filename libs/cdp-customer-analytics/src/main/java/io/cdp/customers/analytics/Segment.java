package io.cdp.customers.analytics;

/**
 * A customer's segment under one segment model.
 *
 * @param name         the RFM segment: Champions, Loyal, Potential Loyalist, New, Promising, Need Attention, About to
 *                     Sleep, At Risk, Cannot Lose Them, Hibernating, Lost
 * @param cluster      the behaviour cluster (k-means++ on standardised features), 0-based
 * @param description  the cluster described from its centroid, e.g. "frequent, high spend, recent"
 * @param modelVersion the segment model that assigned it
 */
public record Segment(String name, int cluster, String description, String modelVersion) {}
