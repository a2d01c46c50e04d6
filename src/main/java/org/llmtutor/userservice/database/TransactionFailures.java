package org.llmtutor.userservice.database;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Tells {@link DatabaseOutage} of a commit or rollback that failed, in the transaction manager's terms: a connection
 * that the pool had already closed fails without an SQLSTATE, which only the failed transaction shows to be the
 * database going away. Spring Boot registers every {@link TransactionExecutionListener} bean with the transaction
 * manager it configures (the server's and the admin CLI's alike).
 */
@Component
class TransactionFailures implements TransactionExecutionListener {

    private final DatabaseOutage outage;

    TransactionFailures(DatabaseOutage outage) {
        this.outage = outage;
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable failure) {
        if (failure != null) {
            outage.failed(failure);
        }
    }

    @Override
    public void afterRollback(TransactionExecution transaction, Throwable failure) {
        if (failure != null) {
            outage.failed(failure);
        }
    }
}
