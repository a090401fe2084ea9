package io.github.betterauthjava.jwt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What the JDBC readers of Better Auth's tables share: one read-only statement with a query
 * timeout, and every SQL failure turned into the reader's own "unavailable" exception whose message
 * says what is wrong (table missing, columns missing, no permission, database unavailable) without
 * echoing the database's own text, which may name rows.
 *
 * @param <X> the reader's exception for "cannot be known right now"
 */
final class BetterAuthTable<X extends RuntimeException> {

    static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(3);
    /** An unquoted PostgreSQL identifier; anything else could break out of the quotes. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** Sets a statement's parameters. */
    interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /** Reads the rows. */
    interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final DataSource dataSource;
    private final String table;
    private final int queryTimeoutSeconds;
    private final String subject;
    private final String noun;
    private final String missing;
    private final String columns;
    private final BiFunction<String, Throwable, X> unavailable;

    /**
     * @param table       quoted ({@link #quoted})
     * @param subject     what cannot be checked, capitalised ("Sessions")
     * @param noun        the table's kind ("session": "Better Auth's session table")
     * @param missing     said after the table's name when it does not exist
     * @param columns     said after the table's name when columns are missing
     * @param unavailable the reader's exception
     */
    BetterAuthTable(
            DataSource dataSource,
            String table,
            Duration queryTimeout,
            String subject,
            String noun,
            String missing,
            String columns,
            BiFunction<String, Throwable, X> unavailable) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = table;
        this.queryTimeoutSeconds = (int) Math.max(1, queryTimeout.toSeconds());
        this.subject = subject;
        this.noun = noun;
        this.missing = missing;
        this.columns = columns;
        this.unavailable = unavailable;
    }

    /** The table, as quoted SQL ({@code "session"}, {@code "auth"."session"}). */
    String table() {
        return table;
    }

    /**
     * Runs {@code sql} and reads its rows.
     *
     * @throws RuntimeException the reader's exception, for every SQL failure
     */
    <T> T query(String sql, Parameters parameters, Rows<T> rows) {
        try {
            return run(sql, parameters, rows);
        } catch (SQLException e) {
            String reason = reason(e);
            throw unavailable.apply(
                    reason == null
                            ? subject + " cannot be checked right now: the database is unavailable. Try again in a few"
                                    + " seconds."
                            : subject + " cannot be checked: " + reason + ". Try again later.",
                    e);
        }
    }

    /** Why {@code sql} (with {@code parameters} that match no row) cannot run, or empty when it can. */
    Optional<String> problem(String sql, Parameters parameters) {
        try {
            run(sql, parameters, ResultSet::next);
            return Optional.empty();
        } catch (SQLException e) {
            String reason = reason(e);
            return Optional.of("table " + table + " cannot be read: "
                    + (reason == null ? "the database is unavailable" : reason) + " ("
                    + CachedLookup.firstLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    private <T> T run(String sql, Parameters parameters, Rows<T> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(queryTimeoutSeconds);
            parameters.set(statement);
            try (ResultSet result = statement.executeQuery()) {
                return rows.read(result);
            }
        }
    }

    /**
     * What is wrong with the table, in words the client may see (the database's own text is not
     * shown), or {@code null} when the database itself is unavailable, down or slow.
     */
    private String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "42P01", "3F000" -> "Better Auth's " + noun + " table " + table + missing;
            case "42703" -> "Better Auth's " + noun + " table " + table + columns;
            case "42501" -> "the database user may not read Better Auth's " + noun + " table " + table;
            default -> null;
        };
    }

    /**
     * A configured table name, validated and quoted: one identifier or {@code schema.table}, each of
     * letters, digits and {@code _} (PostgreSQL's 63-character limit).
     *
     * @param property the setting, for the message ({@code better-auth.session-table})
     * @param example  Better Auth's own name ({@code session})
     * @throws IllegalArgumentException for anything else
     */
    static String quoted(String name, String property, String example) {
        String[] parts = name == null ? new String[0] : name.split("\\.", -1);
        if (parts.length < 1
                || parts.length > 2
                || !Arrays.stream(parts)
                        .allMatch(part -> IDENTIFIER.matcher(part).matches())) {
            String shown = name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
            throw new IllegalArgumentException(property + " must be a table name such as " + example + " or auth."
                    + example + " (letters, digits and _, at most 63 each), was '" + shown + "'");
        }
        return "\"" + String.join("\".\"", parts) + "\"";
    }
}
