/**
 * The admin CLI ({@code java -jar user-service.jar admin ...}): registers, lists, locks out, re-roles and deletes users,
 * imports and deletes them in bulk from a file, creates and revokes service tokens, and migrates the schema, against the
 * service's database in a context of its own that never starts the web server. Publishes each change it makes as the named interface {@code events} (the audit log
 * records them with actor cli); offers the other modules nothing else; the
 * application's {@code main} hands it the command line.
 */
@ApplicationModule(
        allowedDependencies = {
            "user",
            // Service tokens, unlocking a username, ending a user's tokens: what auth lets the CLI do.
            "auth :: credential",
            "auth :: login-locks",
            "auth :: revocation"
        })
package org.llmtutor.userservice.admin;

import org.springframework.modulith.ApplicationModule;
