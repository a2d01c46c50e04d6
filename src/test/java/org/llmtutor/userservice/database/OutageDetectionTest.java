package org.llmtutor.userservice.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llmtutor.userservice.support.IntegrationTest;
import org.llmtutor.userservice.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Outage detection learns of failures where they happen, in the data source: a connection that breaks in use starts
 * the outage, and a rollback on a connection that is already gone counts as done and leaves one line (the outage's, or
 * its own outside an outage) instead of a stack trace per layer. On a pool of its own over a fresh database, so that
 * the outage it starts is not the shared application's.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutageDetectionTest extends IntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    private String database;
    private HikariDataSource pool;
    private DatabaseOutage outage;
    private DataSource dataSource;

    @BeforeEach
    void pool() throws SQLException {
        // The lines are what is proven; an admin CLI test before this one may have left logging at ERROR (its own
        // configuration, on stderr), so the level is set here and both streams are read.
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(DatabaseOutage.class.getName(), LogLevel.INFO);
        database = TestDatabase.newDatabase("detection");
        pool = new HikariDataSource();
        pool.setJdbcUrl(database);
        pool.setUsername(TestDatabase.username());
        pool.setPassword(TestDatabase.password());
        pool.setMaximumPoolSize(2);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        outage = new DatabaseOutage(beans.getBeanProvider(DataSource.class));
        dataSource = new OutageAwareDataSource(pool, outage);
        beans.addBean("dataSource", dataSource);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE written (n integer)");
        }
    }

    @AfterEach
    void close() {
        outage.stop();
        pool.close();
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(DatabaseOutage.class.getName(), null);
    }

    @Test
    void aConnectionTerminatedInUseStartsTheOutageAndItsRollbackIsDoneWithOneLine(CapturedOutput output)
            throws SQLException {
        int before = output.getAll().length();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO written VALUES (1)");
            }
            terminate(backendOf(c));
            assertThatThrownBy(() -> {
                        try (Statement s = c.createStatement()) {
                            s.execute("INSERT INTO written VALUES (2)");
                        }
                    })
                    .isInstanceOf(SQLException.class);

            c.rollback();
        }

        assertThat(outage.isDown()).isTrue();
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(CannotGetJdbcConnectionException.class);
        assertThat(committedRows()).isZero();
        String log = output.getAll().substring(before);
        assertThat(log.lines().filter(l -> l.contains("Database unreachable")))
                .singleElement()
                .asString()
                .contains("PSQLException");
        assertThat(log.lines().filter(l -> l.startsWith("\tat ") || l.startsWith("Caused by")))
                .isEmpty();
    }

    @Test
    void aRollbackOnAConnectionThePoolClosedIsDoneAndSaysSoOutsideAnOutage(CapturedOutput output) throws SQLException {
        int before = output.getAll().length();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO written VALUES (1)");
            }
            // 0A000 is among the states for which Hikari closes the connection; it says nothing of the database.
            assertThatThrownBy(() -> {
                        try (Statement s = c.createStatement()) {
                            s.execute("DO $$ BEGIN RAISE EXCEPTION 'unsupported' USING ERRCODE = '0A000'; END $$");
                        }
                    })
                    .isInstanceOf(SQLException.class);
            assertThat(c.isClosed()).isTrue();

            c.rollback();
        }

        assertThat(outage.isDown()).isFalse();
        assertThat(committedRows()).isZero();
        String log = output.getAll().substring(before);
        assertThat(log.lines().filter(l -> l.contains(" WARN ")))
                .singleElement()
                .asString()
                .contains("Rollback on a connection that was already closed");
    }

    @Test
    void theTransactionManagerTellsTheOutageOfFailedCommitsAndRollbacks() {
        assertThat(((JpaTransactionManager) transactions).getTransactionExecutionListeners())
                .hasAtLeastOneElementOfType(TransactionFailures.class);
    }

    private static int backendOf(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void terminate(int backend) throws SQLException {
        try (Connection admin = TestDatabase.connect(database);
                Statement s = admin.createStatement()) {
            s.execute("SELECT pg_terminate_backend(" + backend + ")");
        }
    }

    private int committedRows() throws SQLException {
        try (Connection c = TestDatabase.connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM written")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
