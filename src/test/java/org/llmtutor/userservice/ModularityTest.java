package org.llmtutor.userservice;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules are the packages under {@code org.llmtutor.userservice}; each one's API is its top-level package plus
 * the named interfaces it declares ({@code auth::credential}, {@code auth::login-locks}, {@code auth::revocation}).
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(UserServiceApplication.class);

    @Test
    void modulesUseEachOtherOnlyThroughTheirApiAndWithoutCycles() {
        MODULES.verify();
    }

    /** Rewrites docs/modules (diagrams and one canvas per module); commit what changes. */
    @Test
    void moduleDocumentationIsWrittenToDocs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
    }
}
