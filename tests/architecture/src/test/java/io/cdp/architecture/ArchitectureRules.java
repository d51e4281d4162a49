package io.cdp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rules themselves, so the tests can apply them to the real classes and to fixtures that must fail. */
final class ArchitectureRules {

    private ArchitectureRules() {}

    /** No service's code uses another service's classes, and no library uses a service's. */
    static ArchRule servicesAreIndependent() {
        List<ArchRule> rules = new ArrayList<>();
        for (Map.Entry<String, String> service : Modules.SERVICES.entrySet()) {
            rules.add(noClasses()
                    .that()
                    .resideInAPackage(service.getValue() + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(Modules.otherServices(service.getKey()))
                    .because(service.getKey() + " must not use another service's code: what two share lives in libs/")
                    .allowEmptyShould(true));
        }
        rules.add(noClasses()
                .that()
                .resideInAnyPackage(
                        Modules.LIBRARIES.stream().map(p -> p + "..").toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        Modules.SERVICES.values().stream().map(p -> p + "..").toArray(String[]::new))
                .because("a library must not depend on a service")
                .allowEmptyShould(true));
        return CompositeArchRule.of(rules);
    }

    /**
     * A service ships the service: its only {@code main} is its {@code @SpringBootApplication}'s, and it has no bench,
     * tool, CLI or data-generator package. Those live in tools/cdp-cli.
     */
    static ArchRule servicesShipNoToolEntryPoints() {
        String[] services =
                Modules.SERVICES.values().stream().map(p -> p + "..").toArray(String[]::new);
        ArchRule onlyApplicationMains = methods()
                .that()
                .haveName("main")
                .and()
                .areStatic()
                .and()
                .areDeclaredInClassesThat()
                .resideInAnyPackage(services)
                .should()
                .beDeclaredInClassesThat()
                .areAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
                .because("bench, generator, evaluation and tool entry points belong in tools/cdp-cli")
                .allowEmptyShould(true);
        List<String> toolPackages = new ArrayList<>();
        for (String root : Modules.SERVICES.values()) {
            for (String tooling : Modules.TOOLING_PACKAGES) {
                toolPackages.add(root + "." + tooling + "..");
            }
        }
        ArchRule noToolPackages = noClasses()
                .should()
                .resideInAnyPackage(toolPackages.toArray(String[]::new))
                .because("developer tooling belongs in tools/cdp-cli, never in a shipped service")
                .allowEmptyShould(true);
        return CompositeArchRule.of(onlyApplicationMains).and(noToolPackages);
    }

    /** The domain libraries are plain Java: no Spring Web (the service support is the web edge by design). */
    static ArchRule librariesAreFreeOfSpringWeb() {
        return noClasses()
                .that()
                .resideInAnyPackage(
                        Modules.PLAIN_LIBRARIES.stream().map(p -> p + "..").toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "org.springframework.boot.webmvc..",
                        "jakarta.servlet..")
                .because(
                        "libraries hold domain logic in plain Java; the web edge is the services' and cdp-service-support's")
                .allowEmptyShould(true);
    }

    static DescribedPredicate<JavaClass> inPackage(String root) {
        return JavaClass.Predicates.resideInAPackage(root + "..");
    }
}
