package io.cdp.features.tabformer;

import io.cdp.features.labels.LabelFeatureTable;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What TabFormer signals need besides the transaction: the MCC risk table valid on a day (batch asks per
 * transaction day, the stream answers with the table it has loaded), the column of it to use, users' home
 * coordinates and a zip gazetteer for merchant locations.
 */
public record TabFormerContext(
        Function<LocalDate, @Nullable LabelFeatureTable> mccRiskAsOf,
        String mccRiskColumn,
        Map<Integer, GeoPoint> homes,
        Map<String, GeoPoint> zipLocations) {

    public static TabFormerContext withoutLabelsOrGeography() {
        return new TabFormerContext(d -> null, "RISK_30DAY_WINDOW", Map.of(), Map.of());
    }
}
