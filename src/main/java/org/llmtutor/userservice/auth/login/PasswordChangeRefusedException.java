package org.llmtutor.userservice.auth.login;

import org.llmtutor.userservice.shared.DomainException;

/** A password change that cannot be done: the current password given is wrong, or it was changed meanwhile. */
class PasswordChangeRefusedException extends DomainException {

    private PasswordChangeRefusedException(Kind kind, String detail) {
        super(kind, detail);
    }

    static PasswordChangeRefusedException wrongCurrentPassword() {
        return new PasswordChangeRefusedException(Kind.REJECTED, PasswordChangeService.WRONG_PASSWORD);
    }

    static PasswordChangeRefusedException changedMeanwhile() {
        return new PasswordChangeRefusedException(Kind.CONFLICT, "The password was changed meanwhile; try again");
    }
}
