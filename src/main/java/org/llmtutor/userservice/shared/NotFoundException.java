package org.llmtutor.userservice.shared;

/** Something the caller named does not exist, or is not theirs to see: the two answer alike. */
public class NotFoundException extends DomainException {

    public NotFoundException(String detail) {
        super(Kind.NOT_FOUND, detail);
    }
}
