package org.llmtutor.userservice.user;

import java.nio.file.Files;
import java.nio.file.Path;
import org.llmtutor.userservice.database.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever just started the service with no user in it how to create the first one, so that a fresh checkout is
 * not a login page nobody can pass. Only the server says it; the admin CLI is how the hint is followed.
 */
@Component
@ConditionalOnWebApplication
class FirstRunHint {

    private static final Logger log = LoggerFactory.getLogger(FirstRunHint.class);

    private final UserRepository users;
    private final String databaseUrl;
    private final Path dataDir;

    FirstRunHint(
            UserRepository users,
            @Value("${spring.datasource.url}") String databaseUrl,
            @Value("${app.data-dir}") Path dataDir) {
        this.users = users;
        this.databaseUrl = databaseUrl;
        this.dataDir = dataDir;
    }

    @EventListener(ApplicationReadyEvent.class)
    void hintWhenThereIsNoUser() {
        if (users.anyUser()) {
            return;
        }
        if (EmbeddedDatabase.isEmbedded(databaseUrl) && !Files.isRegularFile(Path.of("mvnw"))) {
            // A packaged service (the image, a copied jar): there is no checkout to build the CLI in.
            log.info(
                    "No user exists yet. Create the first one while the service runs, beside it with the same data"
                            + " directory: USER_SERVICE_DATA_DIR={} scripts/register_user.sh admin 'a long password'"
                            + " admin (in a container: docker exec -it <container> scripts/register_user.sh ...)",
                    dataDir.toAbsolutePath().normalize());
        } else if (EmbeddedDatabase.isEmbedded(databaseUrl)) {
            log.info(
                    "No user exists yet. Create the first one while the service runs, in a second terminal in this"
                            + " checkout: ./mvnw -q -DskipTests package && USER_SERVICE_DATA_DIR={}"
                            + " scripts/register_user.sh admin 'a long password' admin",
                    dataDir.toAbsolutePath().normalize());
        } else {
            log.info("No user exists yet. Create the first one with the admin CLI on the same database:"
                    + " docker-compose-bootstrap.yml does it for a new deployment; in the running container:"
                    + " docker compose exec user_service scripts/register_user.sh --password-stdin <username> admin;"
                    + " from a checkout: scripts/register_user.sh with the service's POSTGRES_* variables.");
        }
    }
}
