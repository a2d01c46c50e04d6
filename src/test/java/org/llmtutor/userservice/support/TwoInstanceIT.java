package org.llmtutor.userservice.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** An integration test with a second application instance on the same database, as behind a load balancer. */
public abstract class TwoInstanceIT extends IntegrationTest {

    private static AppInstance second;

    @BeforeAll
    static void startSecondInstance() {
        second = AppInstance.start(AppInstance.onDatabase(TestDatabase.url()));
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    /** The second instance's HTTP client. */
    protected static Api secondApi() {
        return second.api();
    }
}
