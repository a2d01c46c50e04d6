package org.llmtutor.userservice.admin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.llmtutor.userservice.UserServiceApplication;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.support.TestDatabase;

/**
 * Runs the admin CLI in-process through its entry point ({@link AdminCli#run}), configured only by environment
 * variables as in the container, on the test run's PostgreSQL database (the one the application under test uses).
 */
abstract class AdminCliSupport extends IntegrationTest {

    record Result(int code, String out, String err) {}

    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_DATASOURCE_URL", TestDatabase.url());
        env.put("SPRING_DATASOURCE_USERNAME", TestDatabase.username());
        env.put("SPRING_DATASOURCE_PASSWORD", TestDatabase.password());
        env.put("BCRYPT_STRENGTH", "4");
        return env;
    }

    static Result cli(String... args) {
        return run(env(), "", false, args);
    }

    static Result cliWithInput(String stdin, String... args) {
        return run(env(), stdin, false, args);
    }

    static Result run(Map<String, String> env, String stdin, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AdminCli.run(
                args,
                new AdminIo(
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        terminal),
                env,
                UserServiceApplication.class);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    int countUsers(String username) {
        return jdbc.sql("SELECT count(*) FROM users WHERE username = :u")
                .param("u", username)
                .query(Integer.class)
                .single();
    }
}
