/**
 * Quiz results: {@code POST /quiz/results} stores one, and a user's results and their statistics are read back.
 * Offers the other modules nothing.
 */
@ApplicationModule(allowedDependencies = {"auth", "user"})
package org.llmtutor.userservice.quiz;

import org.springframework.modulith.ApplicationModule;
