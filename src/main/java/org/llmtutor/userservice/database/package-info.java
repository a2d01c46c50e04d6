/**
 * The database: which one (PostgreSQL from {@code POSTGRES_*}, or the embedded H2 file), its login and schema checked
 * before anything else starts, Flyway's migrations, and outage detection around the data source (requests fail fast
 * with 503 while it is unreachable, and recover without a restart). Offers the other modules
 * {@code EmbeddedDatabase}, whether the service runs on the embedded file, and {@code DatabaseOutage} and
 * {@code DatabaseUnreachableException} for the error path.
 */
@ApplicationModule(allowedDependencies = {})
package org.llmtutor.userservice.database;

import org.springframework.modulith.ApplicationModule;
