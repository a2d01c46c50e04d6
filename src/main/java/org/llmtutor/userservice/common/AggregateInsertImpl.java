package org.llmtutor.userservice.common;

import org.springframework.data.jdbc.core.JdbcAggregateOperations;

/** The one implementation of {@link AggregateInsert}, shared by every repository that declares it. */
public class AggregateInsertImpl<T> implements AggregateInsert<T> {

    private final JdbcAggregateOperations aggregates;

    AggregateInsertImpl(JdbcAggregateOperations aggregates) {
        this.aggregates = aggregates;
    }

    @Override
    public T insert(T row) {
        return aggregates.insert(row);
    }
}
