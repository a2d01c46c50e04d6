/**
 * A user's profile and experience points: {@code GET /profile/{user_id}}, its XP and adding to it, with the total kept
 * in the users row. Offers the other modules nothing.
 */
@ApplicationModule(
        allowedDependencies = {
            "auth",
            "auth :: user-state", // the cached XP that a token check already read
            "user"
        })
package org.llmtutor.userservice.profile;

import org.springframework.modulith.ApplicationModule;
