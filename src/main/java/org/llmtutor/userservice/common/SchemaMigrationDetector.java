package org.llmtutor.userservice.common;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link SchemaMigration} initializes the database, so that everything marked as depending on
 * database initialization (JdbcClient, the repositories) is created after the schema is current
 * (META-INF/spring.factories).
 */
public class SchemaMigrationDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(SchemaMigration.class);
    }
}
