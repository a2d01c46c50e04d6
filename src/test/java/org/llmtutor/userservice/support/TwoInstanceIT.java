package org.llmtutor.userservice.support;

import java.util.List;
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

    /** One of the calls of {@link #throughBothInstances}: {@code api} is the instance it goes through. */
    protected interface InstanceCall<T> {
        T run(Api api, int i) throws Exception;
    }

    /**
     * Runs {@code count} calls at the same moment ({@link Parallel}), the even ones through this instance and the odd
     * ones through the second, as a balancer spreads them.
     *
     * @return the results in call order; the first failure is thrown
     */
    protected <T> List<T> throughBothInstances(int count, InstanceCall<T> call) throws Exception {
        List<Api> instances = List.of(api(), secondApi());
        return Parallel.run(count, i -> call.run(instances.get(i % 2), i));
    }
}
