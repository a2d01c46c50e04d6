package org.llmtutor.userservice.support;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.llmtutor.userservice.user.Role;
import org.llmtutor.userservice.user.User;
import org.llmtutor.userservice.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, on the run's PostgreSQL database. Every
 * subclass has the same configuration, so they all share one Spring context; tests keep apart by using fresh
 * usernames.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSupportConfig.class)
public abstract class IntegrationTest {

    public static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    protected int port;

    @Autowired
    protected UserService userService;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected Api api() {
        return new Api(port);
    }

    protected static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected User newUser(Role role) {
        return userService.create(uniqueName(role.wireName()), PASSWORD, role);
    }
}
