package dev.tasks.api.database;

import dev.tasks.api.config.Env;
import dev.tasks.api.config.InvalidSettingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The password of the embedded PostgreSQL's superuser: {@code EMBEDDED_POSTGRES_PASSWORD} when set,
 * else the one kept in {@code TASKS_DATA_DIR/secrets.env} under that name, generated there on first
 * use: the file where ./run.sh keeps its generated secrets, so the API and run.sh agree on one
 * password whichever starts first.
 */
final class EmbeddedPassword {

    static final String VARIABLE = "EMBEDDED_POSTGRES_PASSWORD";
    static final String SECRETS_FILE = "secrets.env";
    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedPassword() {}

    /** The variable's value, checked; empty when it is unset. */
    static Optional<String> fromEnvironment(Env env) {
        Optional<String> password = env.text(VARIABLE);
        password.ifPresent(EmbeddedPassword::check);
        return password;
    }

    /** The password in {@code dataDirectory/secrets.env}, appended there (file mode 600) when missing. */
    static String keptIn(Path dataDirectory) {
        Path file = dataDirectory.resolve(SECRETS_FILE);
        try {
            if (Files.exists(file)) {
                Optional<String> kept = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.startsWith(VARIABLE + "="))
                        .map(line -> line.substring(VARIABLE.length() + 1).strip())
                        .filter(value -> !value.isEmpty())
                        .reduce((first, last) -> last); // like sourcing the file: the last one wins
                if (kept.isPresent()) {
                    check(kept.get());
                    return kept.get();
                }
            } else {
                Files.createDirectories(dataDirectory);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
            }
            String generated = generate();
            Files.writeString(
                    file,
                    VARIABLE + "=" + generated + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read or write the embedded PostgreSQL's password in " + file + ": " + e.getMessage(), e);
        }
    }

    /** 192 random bits, hex: nothing to escape in a URL, a shell file or SQL. */
    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void check(String password) {
        if (password.length() < 12
                || password.length() > 128
                || !password.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidSettingException(
                    VARIABLE,
                    VARIABLE + " must be 12 to 128 printable ASCII characters without"
                            + " spaces (./run.sh generates one in .data/secrets.env)");
        }
    }
}
