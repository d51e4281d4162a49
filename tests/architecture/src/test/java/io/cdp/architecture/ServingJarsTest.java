package io.cdp.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the serving images get: each serving service's executable jar (built in the reactor's package phase, before
 * this module) holds neither XGBoost4J nor the Scala library. The enforcer rule lean-serving-jar stops such a
 * dependency at build time; this checks the artifact itself.
 */
class ServingJarsTest {

    static List<String> serving() {
        return Modules.SERVING;
    }

    @ParameterizedTest
    @MethodSource("serving")
    void servingJarCarriesNoXgboostAndNoScala(String service) throws IOException {
        Path jar = Path.of(
                System.getProperty("cdp.services.dir", "../../services"),
                service,
                "target",
                service + "-" + System.getProperty("cdp.version", "0.1.0-SNAPSHOT") + "-exec.jar");
        assertThat(jar).as("the executable jar of %s", service).exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> training = file.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.startsWith("BOOT-INF/lib/xgboost4j") || n.startsWith("BOOT-INF/lib/scala-library"))
                    .collect(Collectors.toList());
            assertThat(training)
                    .as("training libraries in %s", jar.getFileName())
                    .isEmpty();
            assertThat(file.stream()
                            .filter(e -> e.getName().startsWith("BOOT-INF/lib/"))
                            .count())
                    .as("libraries in %s", jar.getFileName())
                    .isPositive();
        }
        System.out.printf("%s: %.1f MB%n", jar.getFileName(), Files.size(jar) / 1e6);
    }
}
