package io.cdp.c360.api;

import io.cdp.c360.models.CustomerModels;
import io.cdp.c360.store.ProfileStore;
import io.cdp.customers.analytics.SegmentModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The segments: the LIVE model's version and clusters, and how many profiles each named segment holds now. */
@RestController
@Tag(name = "segments", description = "Segment sizes, descriptions and model version (scope customers:read)")
class SegmentsController {

    record SegmentSize(String name, long profiles) {}

    record ClusterView(int cluster, String description, int fittedCustomers) {}

    record Segments(
            @Nullable String modelVersion, List<String> names, List<ClusterView> clusters, List<SegmentSize> sizes) {}

    private final ProfileStore store;
    private final CustomerModels models;

    SegmentsController(ProfileStore store, CustomerModels models) {
        this.store = store;
        this.models = models;
    }

    @GetMapping("/v1/segments")
    @Operation(
            summary = "Segments",
            description = "Model version (null when no segment model is LIVE yet), the RFM segment names, the "
                    + "behaviour clusters described from their centroids, and profile counts per segment (a scan of "
                    + "the profiles: meant for dashboards, not for a hot path)")
    Segments segments() {
        SegmentModel model = models.segments().orElse(null);
        List<SegmentSize> sizes = new ArrayList<>();
        for (Map.Entry<String, Long> e : store.segmentSizes().entrySet()) {
            sizes.add(new SegmentSize(e.getKey(), e.getValue()));
        }
        if (model == null) {
            return new Segments(null, SegmentModel.SEGMENT_NAMES, List.of(), sizes);
        }
        List<ClusterView> clusters = model.clusters().stream()
                .map(c -> new ClusterView(c.id(), c.description(), c.size()))
                .toList();
        return new Segments(model.version(), SegmentModel.SEGMENT_NAMES, clusters, sizes);
    }
}
