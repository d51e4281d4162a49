package io.cdp.cli;

import io.cdp.aws.test.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where a service's executable jar is after the build: {@code services/<name>/target/<name>-<version>-exec.jar}. */
public final class ServiceJars {

    private ServiceJars() {}

    public static Path executable(String service) throws IOException {
        Path target = RepositoryRoot.find().resolve("services").resolve(service).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().matches(service + "-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar of " + service + " under services/"
                            + service + "/target: build it with './cdp build' (every ./cdp command that needs it "
                            + "builds it first)"));
        }
    }
}
