package io.cdp.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository's own files are, seen from a test running in deploy/cdk. */
final class Repository {

    private Repository() {}

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) dir = dir.getParent();
        if (dir == null)
            throw new AssertionError(
                    "no docker-compose.yml above " + Path.of("").toAbsolutePath());
        return dir;
    }

    /** The service and job modules: services/* with an application.yml (the root pom's springboot rule). */
    static List<Path> serviceModules(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root.resolve("services"))) {
            return dirs.filter(d -> Files.exists(d.resolve("src/main/resources/application.yml")))
                    .sorted()
                    .toList();
        }
    }
}
