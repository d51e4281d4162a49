package io.cdp.console.lake;

import io.cdp.lake.sql.NamedQueries;
import io.cdp.lake.sql.QueryResult;
import io.cdp.service.problem.ProblemException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The named queries as JSON ({@code columns}, {@code rows}): alert outcomes under its own scope, the rest as charts. */
@RestController
class LakeController {

    /** What the charts view may ask; alert outcomes have their own endpoint and scope. */
    static final Set<String> CHARTS = Set.of(
            NamedQueries.FRAUD_BY_DAY.name(),
            NamedQueries.SCORED_BY_DAY.name(),
            NamedQueries.SEGMENT_SIZES.name(),
            NamedQueries.CLV_BY_SEGMENT.name(),
            NamedQueries.SEGMENT_MAP.name());

    private final LakeSnapshots lake;

    LakeController(LakeSnapshots lake) {
        this.lake = lake;
    }

    @GetMapping("/console/api/alerts/outcomes")
    QueryResult alertOutcomes() {
        return lake.named(NamedQueries.ALERT_OUTCOMES.name());
    }

    @GetMapping("/console/api/alerts/examples")
    QueryResult alertExamples() {
        return lake.named(NamedQueries.ALERT_EXAMPLES.name());
    }

    @GetMapping("/console/api/lake/{name}")
    QueryResult chart(@PathVariable String name) {
        if (!CHARTS.contains(name)) {
            throw new ProblemException(
                    HttpStatus.NOT_FOUND,
                    "unknown-query",
                    "No such query",
                    "one of " + List.copyOf(new java.util.TreeSet<>(CHARTS)));
        }
        return lake.named(name);
    }
}
