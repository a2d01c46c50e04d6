package org.llmtutor.userservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules are the packages under {@code org.llmtutor.userservice}; each one's package-info says what it owns and
 * which modules it may use ({@code allowedDependencies}; {@code shared} is the kernel every module may use). A module's
 * API is its top-level package plus the named interfaces it declares ({@code auth::credential},
 * {@code auth::login-locks}, {@code auth::revocation}, {@code auth::user-state}, {@code web::problem},
 * {@code runtime::health}).
 */
class ModularityTest {

    /** {@code -Dmodules.write=true} rewrites docs/modules instead of failing on a difference. */
    static final String WRITE = "modules.write";

    private static final ApplicationModules MODULES = ApplicationModules.of(UserServiceApplication.class);
    private static final Path DOCS = Path.of("docs/modules");
    private static final Path GENERATED = Path.of("target/modulith-docs");
    /** Where spring-modulith-apt puts the Javadoc (the module descriptions) when Maven compiles. */
    private static final Path JAVADOC = Path.of("target/generated-spring-modulith/javadoc.json");

    @Test
    void modulesUseOnlyTheirAllowedDependenciesThroughTheirApiAndWithoutCycles() {
        MODULES.verify();
    }

    /**
     * docs/modules (diagrams and one canvas per module, with the module's description) must be what the code gives.
     * The Documenter lists diagram relations in no fixed order, so files are compared as sets of lines.
     */
    @Test
    void moduleDocumentationInDocsIsCurrent() throws IOException {
        assertThat(JAVADOC)
                .as("the module descriptions come from " + JAVADOC + ", written by spring-modulith-apt when Maven"
                        + " compiles: run the test with ./mvnw")
                .exists();
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeDocumentation();
        Files.createDirectories(DOCS);
        Set<String> generated = fileNames(GENERATED);
        Set<String> differ = new TreeSet<>();
        for (String name : generated) {
            Path committed = DOCS.resolve(name);
            if (!Files.exists(committed) || !sortedLines(committed).equals(sortedLines(GENERATED.resolve(name)))) {
                differ.add(name);
            }
        }
        Set<String> obsolete = new TreeSet<>(fileNames(DOCS));
        obsolete.removeAll(generated);

        if (Boolean.getBoolean(WRITE)) {
            for (String name : differ) {
                Files.copy(GENERATED.resolve(name), DOCS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            for (String name : obsolete) {
                Files.delete(DOCS.resolve(name));
            }
            return;
        }
        assertThat(differ)
                .as("stale or missing in docs/modules; regenerate with" + " ./mvnw test -Dtest=ModularityTest -D"
                        + WRITE + "=true and commit the result")
                .isEmpty();
        assertThat(obsolete)
                .as("in docs/modules but no longer generated; regenerate with" + " ./mvnw test -Dtest=ModularityTest -D"
                        + WRITE + "=true and commit the result")
                .isEmpty();
    }

    private static Set<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet());
        }
    }

    /**
     * The Documenter lists a module's types and events in no fixed order, and lays out a table cell's list in more
     * than one way (its first item on the cell's {@code |} line, or on a line of its own after a bare {@code |}):
     * documents are compared as the sets of their non-blank lines without a leading {@code |}, so only a change of
     * content makes one stale.
     */
    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(line -> (line.startsWith("|") ? line.substring(1) : line).strip())
                .filter(line -> !line.isEmpty())
                .sorted()
                .toList();
    }
}
