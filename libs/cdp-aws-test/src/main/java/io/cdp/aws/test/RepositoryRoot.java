package io.cdp.aws.test;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout this process runs in: the nearest ancestor of the working directory holding {@code ./cdp}. */
public final class RepositoryRoot {

    private RepositoryRoot() {}

    public static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("cdp")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("run this inside the repository (no ancestor directory holds ./cdp)");
    }
}
