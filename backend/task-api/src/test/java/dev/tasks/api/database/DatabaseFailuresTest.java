package dev.tasks.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/** What the database outage fault test met: a write's transaction whose statement and rollback both failed. */
class DatabaseFailuresTest {

    @Test
    void aFailedRollbackAfterTheConnectionWentAwayIsUnavailableNotABug() {
        // As Spring's TransactionTemplate throws it when pg_ctl stop cuts a write's transaction.
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException(
                "An I/O error occurred while sending to the backend.",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));

        assertThat(DatabaseFailures.isUnavailable(rollback)).isTrue();
    }

    @Test
    void aFailedCommitFollowedByAFailedRollbackIsUnavailable() {
        // As the fault test met it (CI, 2026-12-07): the commit failed with "terminating connection
        // due to administrator command", Spring logged it and threw only the rollback's failure.
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));

        assertThat(DatabaseFailures.isUnavailable(rollback)).isTrue();
    }

    @Test
    void aFailedRollbackAfterABugIsStillABug() {
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataIntegrityViolationException("duplicate key"));

        assertThat(DatabaseFailures.isUnavailable(rollback)).isFalse();
    }
}
