package org.llmtutor.userservice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules are the packages under {@code org.llmtutor.userservice}; each one's API is its top-level package plus
 * the named interfaces it declares ({@code auth::credential}, {@code auth::login-locks}, {@code auth::revocation}).
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(UserServiceApplication.class);
    private static final Path DOCS = Path.of("docs/modules");
    private static final Path GENERATED = Path.of("target/modulith-docs");

    @Test
    void modulesUseEachOtherOnlyThroughTheirApiAndWithoutCycles() {
        MODULES.verify();
    }

    /**
     * Keeps docs/modules (diagrams and one canvas per module) in step with the code; commit what changes. The
     * Documenter lists diagram relations in no fixed order, so a file is replaced only when its lines differ as a set:
     * an unchanged module structure leaves the committed files alone.
     */
    @Test
    void moduleDocumentationInDocsIsCurrent() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeDocumentation();
        Files.createDirectories(DOCS);
        Set<String> generated = fileNames(GENERATED);
        for (String stale : fileNames(DOCS)) {
            if (!generated.contains(stale)) {
                Files.delete(DOCS.resolve(stale));
            }
        }
        for (String name : generated) {
            Path fresh = GENERATED.resolve(name);
            Path committed = DOCS.resolve(name);
            if (!Files.exists(committed) || !sortedLines(committed).equals(sortedLines(fresh))) {
                Files.copy(fresh, committed, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Set<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet());
        }
    }

    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
