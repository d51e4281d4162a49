package io.cdp.cli.scoring;

import io.cdp.aws.test.OpenApiDocuments;
import io.cdp.aws.test.RepositoryRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ./cdp openapi export}: starts the service jar on a free port against the local emulator (namespace
 * {@code openapi-}), fetches {@code /v3/api-docs.yaml} and writes {@code docs/openapi/scoring-api.yaml}; then the same
 * for customer-360 ({@code docs/openapi/customer-360.yaml}).
 */
public final class OpenApiExportMain {

    private OpenApiExportMain() {}

    public static void main(String[] args) throws Exception {
        Path file = OpenApiDocuments.committed("scoring-api");
        try (ServiceProcess service = ServiceProcess.start(
                "openapi", Map.of("CDP_RESOURCE_NAMESPACE", "openapi-", "LOG_FORMAT", ""), List.of("-Xmx384m"))) {
            String yaml = OpenApiDocuments.fetch(service.port());
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            System.out.println("openapi: wrote " + RepositoryRoot.find().relativize(file) + " ("
                    + yaml.lines().count() + " lines)");
        }
        Path profiles = OpenApiDocuments.committed("customer-360");
        try (var service = io.cdp.cli.profiles.ProfilesBenchMain.Service.start(
                io.cdp.events.resources.CdpResources.fromValue("openapi-"), List.of())) {
            String yaml = OpenApiDocuments.fetch(service.port());
            Files.writeString(profiles, yaml);
            System.out.println("openapi: wrote " + RepositoryRoot.find().relativize(profiles) + " ("
                    + yaml.lines().count() + " lines)");
        }
    }
}
