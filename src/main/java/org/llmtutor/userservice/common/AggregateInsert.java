package org.llmtutor.userservice.common;

/**
 * A repository fragment that inserts a new row. Spring Data JDBC's {@code save} treats an entity whose id is set as
 * existing and updates it; every id here is chosen by the application (random UUIDs, token hashes, the owner's id), so
 * new rows are inserted explicitly, and changes to stored rows are UPDATE statements of their own.
 */
public interface AggregateInsert<T> {

    /** Inserts the row; a broken constraint is Spring's {@code DataIntegrityViolationException}, as ever. */
    T insert(T row);
}
