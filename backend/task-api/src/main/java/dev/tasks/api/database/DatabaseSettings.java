package dev.tasks.api.database;

import dev.tasks.api.config.Env;
import dev.tasks.api.config.InvalidSettingException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which PostgreSQL to use: {@code DATABASE_URL} when set, otherwise an embedded one whose data
 * lives in {@code TASKS_DATA_DIR/postgres}, which listens on 127.0.0.1:{@code EMBEDDED_POSTGRES_PORT}
 * and wants {@code EMBEDDED_POSTGRES_PASSWORD} (when unset: the one kept in {@code TASKS_DATA_DIR/secrets.env}).
 */
public record DatabaseSettings(
        Optional<DatabaseUrl> url, Path dataDirectory, int embeddedPort, Optional<String> embeddedPassword) {

    static final int DEFAULT_EMBEDDED_PORT = 15432;

    public static DatabaseSettings from(Env env) {
        Optional<DatabaseUrl> url = env.text(DatabaseUrl.VARIABLE).map(DatabaseUrl::parse);
        Path dataDirectory;
        String dir = env.text("TASKS_DATA_DIR", ".data");
        try {
            dataDirectory = Path.of(dir).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidSettingException(
                    "TASKS_DATA_DIR", "TASKS_DATA_DIR is not a valid path: '" + Env.printable(dir) + "'");
        }
        int port = env.integer("EMBEDDED_POSTGRES_PORT", DEFAULT_EMBEDDED_PORT, 1, 65535);
        return new DatabaseSettings(url, dataDirectory, port, EmbeddedPassword.fromEnvironment(env));
    }

    /** The embedded server's password: the variable's, or the one kept in (or generated into) the data directory. */
    String embeddedPasswordOrKept() {
        return embeddedPassword.orElseGet(() -> EmbeddedPassword.keptIn(dataDirectory));
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", dataDirectory=" + dataDirectory + ", embeddedPort=" + embeddedPort
                + ", embeddedPassword="
                + embeddedPassword.map(p -> "(set)").orElse("(kept in " + EmbeddedPassword.SECRETS_FILE + ")") + "]";
    }

    Path embeddedDataDirectory() {
        return dataDirectory.resolve("postgres");
    }
}
