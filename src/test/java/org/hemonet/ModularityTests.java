package org.hemonet;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules keep to their declared dependencies (no cycles, no reaching into internals); the diagram is in docs/. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(HemonetApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleOfTheArchitectureIsPresentOnceBuilt() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "identity", "centre", "patient", "demo", "report", "web");
    }

    /**
     * Only a module's facade, its records and its events sit in its root package: controllers, SQL and security wiring
     * live in {@code internal/}, so that no other module can reach them (issue 19).
     */
    @Test
    void controllersQueriesAndConfigurationLiveInEachModulesInternalPackage() {
        List<String> modulesWithInternals = List.of("audit", "diary", "identity", "outcome", "patient", "pk", "supply");
        List<String> misplaced = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.hemonet").stream()
                        .filter(c -> modulesWithInternals.stream()
                                .anyMatch(m -> c.getPackageName().equals("org.hemonet." + m)))
                        .filter(c -> !c.isNestedClass() && !c.isAnonymousClass())
                        .filter(ModularityTests::belongsInternally)
                        .map(JavaClass::getName)
                        .sorted()
                        .toList();
        assertThat(misplaced).as("classes that belong in internal/").isEmpty();
    }

    private static boolean belongsInternally(JavaClass c) {
        return c.getSimpleName().endsWith("Queries")
                || c.getSimpleName().endsWith("Controller")
                || c.isAnnotatedWith("org.springframework.stereotype.Controller")
                || c.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                || c.isAnnotatedWith("org.springframework.context.annotation.Configuration");
    }

    /**
     * Writes the diagrams and canvases into {@code docs/architecture}. The documenter lists relations and events in no
     * fixed order (and breaks canvas cells differently), so a file is replaced only when its words differ as a multiset:
     * the docs change when the modules do, not on every run.
     */
    @Test
    void writesModuleDiagramIntoDocs() throws IOException {
        Path fresh = Path.of("target", "architecture");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Path docs = Files.createDirectories(Path.of("docs", "architecture"));
        try (Stream<Path> files = Files.list(fresh)) {
            for (Path file : files.toList()) {
                Path target = docs.resolve(file.getFileName());
                if (!Files.exists(target) || !sortedWords(target).equals(sortedWords(file))) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static List<String> sortedWords(Path file) throws IOException {
        return java.util.Arrays.stream(Files.readString(file).split("[\\s|*]+"))
                .filter(word -> !word.isEmpty())
                .sorted()
                .toList();
    }
}
