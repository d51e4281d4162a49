package io.cdp.c360.profile;

import io.cdp.customers.analytics.Segment;

/** The segment the LIVE segment model assigned, with that model's version. */
public record SegmentView(String name, int cluster, String description, String modelVersion) {

    public static SegmentView of(Segment s) {
        return new SegmentView(s.name(), s.cluster(), s.description(), s.modelVersion());
    }
}
