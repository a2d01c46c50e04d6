package org.llmtutor.userservice.profile;

import org.llmtutor.userservice.shared.DomainException;

/** The add would take the user's XP past what the column holds; nothing was added. */
class XpOverflowException extends DomainException {

    XpOverflowException(int ceiling) {
        super(Kind.CONFLICT, "XP cannot exceed " + ceiling + "; nothing was added");
    }
}
