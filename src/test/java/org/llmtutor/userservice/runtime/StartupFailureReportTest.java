package org.llmtutor.userservice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llmtutor.userservice.support.AppInstance;
import org.llmtutor.userservice.support.TestDatabase;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A start that cannot work ends with one short report, first in the log, naming the cause and the variable to fix,
 * with no stack trace, and before the schema is touched.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {

    private static final String REPORT = "APPLICATION FAILED TO START";

    @Test
    void aUserThePostgresServerRefusesIsReportedWithThePostgresVariables(CapturedOutput output) {
        String url = TestDatabase.url();
        assertThatThrownBy(() -> AppInstance.start(postgresVariables(url, "no_such_role_h21")))
                .hasRootCauseInstanceOf(SQLException.class);

        String report = reportIn(output);
        assertThat(report)
                .contains("Cannot log in to the database")
                .contains("as user \"no_such_role_h21\"")
                .contains("no_such_role_h21\" does not exist")
                .contains("POSTGRES_PASSWORD")
                .contains("only when its volume is first created");
    }

    @Test
    void aDatabaseThatDoesNotExistIsReportedWithTheDatasourceVariables(CapturedOutput output) {
        String missing = TestDatabase.url().replaceFirst("/user_service_test_[^/?]+", "/user_service_test_missing_h21");
        assertThatThrownBy(() -> AppInstance.start(AppInstance.onDatabase(missing)));

        assertThat(reportIn(output))
                .contains("user_service_test_missing_h21\" does not exist")
                .contains("SPRING_DATASOURCE_URL")
                .contains("no such database");
    }

    @Test
    void aPortWhereNoDatabaseListensIsReportedWithinSeconds(CapturedOutput output) {
        assertThatThrownBy(() ->
                AppInstance.start(postgresVariables("jdbc:postgresql://127.0.0.1:18199/user_service", "postgres")));

        assertThat(reportIn(output)).contains("127.0.0.1:18199").contains("No PostgreSQL answered there");
    }

    @Test
    void aRefusedSettingIsReportedBeforeTheSchemaIsTouched(CapturedOutput output) throws SQLException {
        String fresh = TestDatabase.newDatabase("refused_setting");
        assertThatThrownBy(() -> AppInstance.start(AppInstance.onDatabase(
                fresh,
                "app.access.legacy-unauthenticated-access=true",
                "app.access.legacy-trusted-networks=172.28.1.0/24",
                "server.forward-headers-strategy=native")));

        assertThat(reportIn(output)).contains("SERVER_FORWARD_HEADERS_STRATEGY=none");
        assertNoTables(fresh);
    }

    @Test
    void aMissingSecretKeyIsReportedBeforeTheSchemaIsTouched(CapturedOutput output) throws SQLException {
        String fresh = TestDatabase.newDatabase("no_secret");
        assertThatThrownBy(() -> AppInstance.start(AppInstance.onDatabase(fresh, "app.jwt.secret=")));

        assertThat(reportIn(output)).contains("SECRET_KEY is not set");
        assertNoTables(fresh);
    }

    private static void assertNoTables(String jdbcUrl) throws SQLException {
        try (Connection c = TestDatabase.connect(jdbcUrl);
                ResultSet tables = c.createStatement()
                        .executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            tables.next();
            assertThat(tables.getInt(1))
                    .as("tables in the refused start's database")
                    .isZero();
        }
    }

    /** The POSTGRES_* variables of the compose files, pointed at the given server and database. */
    private static String[] postgresVariables(String jdbcUrl, String user) {
        var m = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*")
                .matcher(jdbcUrl);
        assertThat(m.matches()).as(jdbcUrl).isTrue();
        return new String[] {
            "POSTGRES_HOST=" + m.group(1),
            "POSTGRES_PORT=" + m.group(2),
            "POSTGRES_DB=" + m.group(3),
            "POSTGRES_USER=" + user,
            "POSTGRES_PASSWORD=wrong"
        };
    }

    /** The report, which must be the first thing the failed start printed that is no ordinary log line. */
    private static String reportIn(CapturedOutput output) {
        String all = output.getAll();
        int report = all.indexOf(REPORT);
        assertThat(report).as("a failure report in:\n%s", all).isNotNegative();
        String before = all.substring(0, report);
        assertThat(before).doesNotContain(" WARN ");
        assertThat(before.split(" ERROR ", -1))
                .as("error lines before the report")
                .hasSize(2);
        assertThat(all).doesNotContain("\tat ").doesNotContain("Caused by");
        return all.substring(report);
    }
}
