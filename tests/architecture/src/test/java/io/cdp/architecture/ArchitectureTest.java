package io.cdp.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.cdp.features.archfixture.LibraryUsingSpringWeb;
import io.cdp.scoringapi.bench.ShippedBenchMain;
import io.cdp.transformer.archfixture.ImportsCoreBanking;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, checked on every shipped class; each rule is also applied to a fixture that breaks it, so a
 * rule that could never fail (a typo in a package name, say) fails here instead.
 */
class ArchitectureTest {

    private static JavaClasses shipped;

    @BeforeAll
    static void importShippedClasses() {
        shipped = Modules.shipped();
    }

    @Test
    void theShippedClassesOfEveryModuleAreImported() {
        for (String root : Modules.SERVICES.values()) {
            assertThat(shipped.that(ArchitectureRules.inPackage(root)))
                    .as("classes of %s", root)
                    .isNotEmpty();
        }
        for (String root : Modules.LIBRARIES) {
            assertThat(shipped.that(ArchitectureRules.inPackage(root)))
                    .as("classes of %s", root)
                    .isNotEmpty();
        }
    }

    @Test
    void noServiceUsesAnotherServicesCode() {
        ArchitectureRules.servicesAreIndependent().check(shipped);
    }

    @Test
    void aServiceImportingAnotherServicesPackageFailsTheRule() {
        JavaClasses wrong = new ClassFileImporter().importClasses(ImportsCoreBanking.class);
        assertThatThrownBy(() -> ArchitectureRules.servicesAreIndependent().check(wrong))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ImportsCoreBanking")
                .hasMessageContaining("io.cdp.core.extraction.ExtractionRunner");
    }

    @Test
    void servicesShipNoBenchOrToolEntryPoints() {
        ArchitectureRules.servicesShipNoToolEntryPoints().check(shipped);
    }

    @Test
    void aBenchMainInsideAServiceFailsTheRule() {
        JavaClasses wrong = new ClassFileImporter().importClasses(ShippedBenchMain.class);
        assertThatThrownBy(
                        () -> ArchitectureRules.servicesShipNoToolEntryPoints().check(wrong))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ShippedBenchMain.main")
                .hasMessageContaining("io.cdp.scoringapi.bench");
    }

    @Test
    void librariesDoNotDependOnSpringWeb() {
        ArchitectureRules.librariesAreFreeOfSpringWeb().check(shipped);
    }

    @Test
    void aLibraryUsingSpringWebFailsTheRule() {
        JavaClasses wrong = new ClassFileImporter().importClasses(LibraryUsingSpringWeb.class);
        assertThatThrownBy(() -> ArchitectureRules.librariesAreFreeOfSpringWeb().check(wrong))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LibraryUsingSpringWeb")
                .hasMessageContaining("org.springframework.web");
    }
}
