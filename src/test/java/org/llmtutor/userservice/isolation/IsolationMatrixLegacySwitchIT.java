package org.llmtutor.userservice.isolation;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.support.TestDatabase;

/** The isolation matrix's column of credential-less callers on an instance started with the Python-era switch on. */
class IsolationMatrixLegacySwitchIT extends IsolationMatrix {

    private static AppInstance legacy;

    @BeforeAll
    static void startLegacyInstance() {
        legacy = AppInstance.start(AppInstance.onDatabase(
                TestDatabase.url(),
                "app.access.legacy-unauthenticated-access=true",
                "app.access.legacy-trusted-networks=127.0.0.0/8"));
    }

    @AfterAll
    static void stopLegacyInstance() {
        legacy.close();
    }

    static List<Endpoint> endpoints() {
        return ENDPOINTS;
    }

    @ParameterizedTest(name = "{0} without a credential, legacy switch on")
    @MethodSource("endpoints")
    void everyEndpointAnswersACredentialLessCallerAsContractPartBSaysWithTheSwitchOn(Endpoint endpoint) {
        assertAnswersAsContractPartBSays(endpoint, Caller.NO_TOKEN_LEGACY_SWITCH_ON, legacy.api());
    }
}
