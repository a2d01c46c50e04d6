package org.llmtutor.userservice.shared;

/**
 * A repository fragment that inserts a new row at once. Every id here is chosen by the application (random UUIDs, token
 * hashes, the owner's id), so Spring Data's {@code save} would take each new row for a stored one and merge it (a
 * SELECT first); and a broken constraint must surface where the row is added, not at commit. Changes to stored rows
 * are UPDATE statements of their own (docs/conventions.md, "A new endpoint").
 */
public interface AggregateInsert<T> {

    /** Inserts the row; a broken constraint is Spring's {@code DataIntegrityViolationException}, as ever. */
    T insert(T row);
}
