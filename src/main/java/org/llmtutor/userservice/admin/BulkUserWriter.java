package org.llmtutor.userservice.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.llmtutor.userservice.admin.events.UserCreated;
import org.llmtutor.userservice.user.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes bulk-created users a batch per transaction. A username that exists (an earlier run, a crashed run, a
 * concurrent registration) is skipped by the unique index rather than failing the batch, so a rerun of the same file
 * finishes the job without duplicates.
 */
@Component
class BulkUserWriter {

    private static final int IN_LIST_CHUNK = 1000;

    private final BulkUserRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BulkUserWriter(BulkUserRepository users, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    record NewUser(String username, String hashedPassword, Role role) {}

    /** Which of these usernames exist already. */
    @Transactional(readOnly = true)
    public Set<String> existing(List<String> usernames) {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < usernames.size(); from += IN_LIST_CHUNK) {
            found.addAll(users.findExistingUsernames(
                    usernames.subList(from, Math.min(usernames.size(), from + IN_LIST_CHUNK))));
        }
        return found;
    }

    /** Inserts the batch and publishes each new user (audited in this transaction); returns the usernames that existed already and were skipped. */
    @Transactional
    public List<String> insert(List<NewUser> batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<String> skipped = new ArrayList<>();
        for (NewUser user : batch) {
            UUID id = UUID.randomUUID();
            int inserted = users.insertIfAbsent(
                    id, user.username(), user.hashedPassword(), now, user.role().wireName());
            if (inserted == 0) {
                skipped.add(user.username());
            } else {
                events.publishEvent(new UserCreated(id, user.username(), user.role(), true));
            }
        }
        return skipped;
    }
}
