package dev.tasks.api.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells "PostgreSQL is unreachable or overloaded right now" (→ 503, retry) from a bug (→ 500). */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && isUnavailableState(sql.getSQLState())) {
                return true;
            }
            // PostgreSQL going away mid-transaction fails the statement and then the rollback too
            // ("Connection is closed"): Spring then throws the rollback's failure and keeps the
            // statement's, the one that says why, aside as the application exception.
            if (t instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && isUnavailable(rollback.getApplicationException())) {
                return true;
            }
            // PostgreSQL going away at the commit: Spring rolls back, that fails too, and it throws
            // only the rollback's failure, with no application exception and the commit's reason
            // logged, not kept. A rollback fails at the JDBC level only on a connection that is gone.
            if (t instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() == null
                    && rollback.getCause() instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes 08 (connection exception), 57P (operator intervention: admin shutdown, crash
     * shutdown, cannot connect now) and 53300 (too many connections).
     */
    private static boolean isUnavailableState(String state) {
        return state.startsWith("08") || state.startsWith("57P") || state.equals("53300");
    }
}
