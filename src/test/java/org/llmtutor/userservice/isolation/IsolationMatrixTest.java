package org.llmtutor.userservice.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The isolation matrix for every kind of caller the suite's own instance serves. */
class IsolationMatrixTest extends IsolationMatrix {

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                if (caller != Caller.NO_TOKEN_LEGACY_SWITCH_ON) {
                    cases.add(Arguments.of(endpoint, caller));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void everyEndpointAnswersEachKindOfCallerAsContractPartBSays(Endpoint endpoint, Caller caller) {
        assertAnswersAsContractPartBSays(endpoint, caller, api());
    }
}
