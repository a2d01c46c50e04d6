package org.llmtutor.userservice.shared;

import jakarta.persistence.EntityManager;
import org.springframework.transaction.annotation.Transactional;

/** The one implementation of {@link AggregateInsert}, shared by every repository that declares it. */
public class AggregateInsertImpl<T> implements AggregateInsert<T> {

    private final EntityManager entityManager;

    AggregateInsertImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The INSERT runs now (flush), so a broken constraint surfaces here; the row is then detached, so that a later read
     * in the same transaction sees the database (the UPDATE statements of the repositories change no entity).
     */
    @Override
    @Transactional
    public T insert(T row) {
        entityManager.persist(row);
        entityManager.flush();
        entityManager.detach(row);
        return row;
    }
}
