/**
 * Chat sessions: a user's conversations with the tutor ({@code /sessions}), at most a configured number per user, the
 * oldest evicted when a new one would pass it. Offers the other modules nothing.
 */
@ApplicationModule(allowedDependencies = {"auth", "user"})
package org.llmtutor.userservice.session;

import org.springframework.modulith.ApplicationModule;
