package io.cdp.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;

/**
 * The modules as the rules see them: each service by its root package, the libraries by theirs. A new service adds
 * its line to {@link #SERVICES}; a new library to {@link #LIBRARIES}.
 */
final class Modules {

    /** Service module to its root package. */
    static final Map<String, String> SERVICES = Map.of(
            "core-banking", "io.cdp.core",
            "stream-transformer", "io.cdp.transformer",
            "scoring-api", "io.cdp.scoringapi",
            "model-trainer", "io.cdp.trainer",
            "customer-360", "io.cdp.c360",
            "alerting", "io.cdp.alerting",
            "console", "io.cdp.console");

    /** The services that serve traffic and must not carry training dependencies. */
    static final List<String> SERVING =
            List.of("core-banking", "stream-transformer", "scoring-api", "customer-360", "alerting", "console");

    /** Library root packages. */
    static final List<String> LIBRARIES = List.of(
            "io.cdp.events",
            "io.cdp.aws",
            "io.cdp.scoring",
            "io.cdp.features",
            "io.cdp.pii",
            "io.cdp.lake",
            "io.cdp.datagen",
            "io.cdp.training",
            "io.cdp.customers",
            "io.cdp.kinesis",
            "io.cdp.service");

    /**
     * Libraries that must stay free of Spring Web: all but the service support, whose job is the services' web edge
     * (security, problem details, OpenAPI).
     */
    static final List<String> PLAIN_LIBRARIES =
            LIBRARIES.stream().filter(p -> !p.equals("io.cdp.service")).toList();

    /** Package names that mark developer tooling, which lives in tools/cdp-cli and never in a service. */
    static final List<String> TOOLING_PACKAGES = List.of("bench", "tools", "cli", "datagen");

    private Modules() {}

    /** Every shipped class of the project (main code of libraries and services; no tests, no tools). */
    static JavaClasses shipped() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/tools/") && !location.contains("cdp-cli"))
                .importPackages("io.cdp");
    }

    static String[] otherServices(String service) {
        return SERVICES.entrySet().stream()
                .filter(e -> !e.getKey().equals(service))
                .map(e -> e.getValue() + "..")
                .toArray(String[]::new);
    }
}
