package org.llmtutor.userservice.profile;

import java.util.UUID;
import org.llmtutor.userservice.auth.AccessGuard;
import org.llmtutor.userservice.auth.AccessGuard.Data;
import org.llmtutor.userservice.auth.Caller;
import org.llmtutor.userservice.auth.token.TokenStateCache;
import org.llmtutor.userservice.user.UserNotFoundException;
import org.llmtutor.userservice.user.UserProfile;
import org.llmtutor.userservice.user.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ProfileService {

    /** The xp column is an INTEGER. */
    static final int MAX_XP = Integer.MAX_VALUE;

    private final XpRepository xp;
    private final UserService users;
    private final AccessGuard guard;
    private final TokenStateCache userState;

    ProfileService(XpRepository xp, UserService users, AccessGuard guard, TokenStateCache userState) {
        this.xp = xp;
        this.users = users;
        this.guard = guard;
        this.userState = userState;
    }

    @Transactional(readOnly = true)
    public UserProfile profile(Caller caller, UUID userId) {
        guard.checkRead(caller, Data.PROFILE, userId);
        return users.findById(userId).map(UserProfile::of).orElseThrow(UserNotFoundException::new);
    }

    /**
     * From the user's state in memory, which the caller's own token check has just used: no query. It is as current as
     * token checks are: this instance's own adds at once, others' within the listener's delay (docs/behaviour.md).
     */
    public int xp(Caller caller, UUID userId) {
        guard.checkRead(caller, Data.PROFILE, userId);
        return userState.xp(userId).orElseThrow(UserNotFoundException::new);
    }

    /**
     * Adds {@code amount} and answers the new total. The read-back runs in the same transaction while the update still
     * holds the row lock, so it is exactly this add's result (and needs no RETURNING, which H2 lacks).
     */
    @Transactional
    public int addXp(Caller caller, UUID userId, int amount) {
        guard.checkWrite(caller, Data.PROFILE, userId);
        if (xp.add(userId, amount, MAX_XP) == 0) {
            xp.findXp(userId).orElseThrow(UserNotFoundException::new);
            throw new XpOverflowException(MAX_XP);
        }
        userState.userChanged(userId);
        return xp.findXp(userId).orElseThrow(UserNotFoundException::new);
    }
}
