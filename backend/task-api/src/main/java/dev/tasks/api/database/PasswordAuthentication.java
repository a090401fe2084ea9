package dev.tasks.api.database;

import dev.tasks.api.config.InvalidSettingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The embedded server's {@code pg_hba.conf}: SCRAM password logins over TCP on 127.0.0.1 and
 * nothing else (no Unix socket, no trust). It is rewritten before every start, so a hand edit or an
 * old file never opens the server; it also records a SHA-256 of the password it was set up with, so
 * a different password is reported at once instead of as a failed login.
 *
 * <p>A data directory from before passwords (initialised with trust authentication, no password on
 * the superuser) is upgraded on its first start: it starts once with trust for the superuser on
 * the {@code postgres} database only, gets its password set, and is switched to SCRAM before the
 * API uses it. Deleting {@code pg_hba.conf} makes the next start do the same with the current password.
 */
final class PasswordAuthentication {

    static final String FILE = "pg_hba.conf";
    private static final String MARKER = "# task-api password sha256: ";

    enum State {
        NEW,
        SECURED,
        NEEDS_PASSWORD
    }

    private final Path dataDirectory;
    private final String password;
    private final State state;

    private PasswordAuthentication(Path dataDirectory, String password, State state) {
        this.dataDirectory = dataDirectory;
        this.password = password;
        this.state = state;
    }

    /** Reads what the data directory holds; refuses a password other than the one it was set up with. */
    static PasswordAuthentication inspect(Path dataDirectory, String password) {
        if (!Files.exists(dataDirectory.resolve("postgresql.conf"))) {
            return new PasswordAuthentication(dataDirectory, password, State.NEW);
        }
        Optional<String> recorded = recordedDigest(dataDirectory);
        if (recorded.isEmpty()) {
            return new PasswordAuthentication(dataDirectory, password, State.NEEDS_PASSWORD);
        }
        if (!recorded.get().equals(digest(password))) {
            throw new InvalidSettingException(
                    EmbeddedPassword.VARIABLE,
                    "The embedded PostgreSQL in " + dataDirectory
                            + " was set up with another password than " + EmbeddedPassword.VARIABLE
                            + " (./run.sh keeps it in"
                            + " .data/secrets.env). Put the old password back, or delete " + dataDirectory.resolve(FILE)
                            + " to have the next start set the current one.");
        }
        return new PasswordAuthentication(dataDirectory, password, State.SECURED);
    }

    State state() {
        return state;
    }

    /** Before the server starts: the final rules, or the one-start rules of an upgrade. */
    void writeBeforeStart() {
        write(state == State.NEEDS_PASSWORD ? """
                  # task-api: upgrading a data directory from before passwords. This start sets the superuser's
                  # password, then replaces this file; until then only the superuser may log in, to "postgres".
                  host    postgres    postgres    127.0.0.1/32    trust
                  """ : secured());
    }

    /** After an upgrade start set the password: SCRAM only from now on (the caller reloads the server). */
    void writeSecured() {
        write(secured());
    }

    /** A SQL literal for the password; it holds printable ASCII only (EmbeddedPassword checks it). */
    String passwordLiteral() {
        return "'" + password.replace("'", "''") + "'";
    }

    private String secured() {
        return """
               # Written by task-api before every start of its embedded PostgreSQL; edits are overwritten.
               # Password (SCRAM) logins over TCP on 127.0.0.1 only; the server has no Unix socket.
               %s%s
               host    all    all    127.0.0.1/32    scram-sha-256
               """.formatted(MARKER, digest(password));
    }

    private void write(String content) {
        try {
            Files.writeString(dataDirectory.resolve(FILE), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + dataDirectory.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> recordedDigest(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            return Files.exists(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                            .filter(line -> line.startsWith(MARKER))
                            .map(line -> line.substring(MARKER.length()).strip())
                            .findFirst()
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Only the data directory's owner can read it, and that owner can read the server's own SCRAM
     * verifier anyway: the digest tells them nothing more.
     */
    private static String digest(String password) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
