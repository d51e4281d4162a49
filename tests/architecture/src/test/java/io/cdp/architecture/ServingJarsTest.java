package io.cdp.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the serving images get: each serving service's executable jar (built in the reactor's package phase, before
 * this module) holds neither XGBoost4J nor the Scala library. The enforcer rule lean-serving-jar stops such a
 * dependency at build time; this checks the artifact itself.
 */
class ServingJarsTest {

    static List<String> serving() {
        return Modules.SERVING;
    }

    private static final Pattern PROJECT_LIB = Pattern.compile("BOOT-INF/lib/(cdp-[a-z-]+)-[0-9][^/]*\\.jar");

    private static Path executableJar(String service) {
        return Path.of(
                System.getProperty("cdp.services.dir", "../../services"),
                service,
                "target",
                service + "-" + System.getProperty("cdp.version", "0.1.0-SNAPSHOT") + "-exec.jar");
    }

    /**
     * Every project library in a serving jar brings the project libraries it needs at run time. A service that
     * declares one of them at test scope (for its own tests) takes it out of its jar, though a library it ships
     * needs it: the console's lake views failed with NoClassDefFoundError that way under ./cdp up while its tests,
     * whose class path has the library, passed.
     */
    @ParameterizedTest
    @MethodSource("serving")
    void servingJarHoldsWhatItsProjectLibrariesNeedAtRunTime(String service) throws Exception {
        Set<String> inJar = new TreeSet<>();
        try (JarFile file = new JarFile(executableJar(service).toFile())) {
            file.stream()
                    .map(e -> PROJECT_LIB.matcher(e.getName()))
                    .filter(Matcher::matches)
                    .forEach(m -> inJar.add(m.group(1)));
        }
        assertThat(inJar).as("project libraries in the jar of %s", service).isNotEmpty();
        Set<String> missing = new TreeSet<>();
        for (String library : inJar) {
            for (String needed : runtimeProjectDependencies(library)) {
                if (!inJar.contains(needed)) {
                    missing.add(library + " needs " + needed);
                }
            }
        }
        assertThat(missing)
                .as("project libraries missing from the jar of %s", service)
                .isEmpty();
    }

    /** The io.cdp dependencies a library's pom declares for run time (compile or runtime scope, not optional). */
    private static Set<String> runtimeProjectDependencies(String library) throws Exception {
        Path pom = Path.of(System.getProperty("cdp.libs.dir", "../../libs"), library, "pom.xml");
        assertThat(pom).as("the pom of %s", library).exists();
        Element project = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(pom.toFile())
                .getDocumentElement();
        Set<String> out = new TreeSet<>();
        NodeList dependencies = project.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element d = (Element) dependencies.item(i);
            // only the project's own dependencies, not those of a plugin or dependencyManagement
            if (!"dependencies".equals(d.getParentNode().getNodeName())
                    || d.getParentNode().getParentNode() != project) {
                continue;
            }
            String scope = text(d, "scope");
            if ("io.cdp".equals(text(d, "groupId"))
                    && (scope == null || scope.equals("compile") || scope.equals("runtime"))
                    && !"true".equals(text(d, "optional"))) {
                out.add(text(d, "artifactId"));
            }
        }
        return out;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    @ParameterizedTest
    @MethodSource("serving")
    void servingJarCarriesNoXgboostAndNoScala(String service) throws IOException {
        Path jar = executableJar(service);
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
