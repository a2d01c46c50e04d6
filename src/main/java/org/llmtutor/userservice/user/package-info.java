/**
 * Users: the {@code users} table, their roles, username and password policies, and password hashing on a bounded pool
 * of its own. Offers the other modules {@code UserService} to find, create and change users, {@code User} and
 * {@code Role}, and {@code PasswordHasher}.
 */
@ApplicationModule(allowedDependencies = {"database"}) // EmbeddedDatabase: the first-run hint names its file
package org.llmtutor.userservice.user;

import org.springframework.modulith.ApplicationModule;
