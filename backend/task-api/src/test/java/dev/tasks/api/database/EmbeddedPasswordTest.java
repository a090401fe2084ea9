package dev.tasks.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasks.api.config.Env;
import dev.tasks.api.config.InvalidSettingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPasswordTest {

    @Test
    void withoutTheVariableAPasswordIsGeneratedIntoSecretsEnvOnceAndKept(@TempDir Path data) throws Exception {
        String first = EmbeddedPassword.keptIn(data);
        String second = EmbeddedPassword.keptIn(data);

        assertThat(first).matches("[0-9a-f]{48}").isEqualTo(second);
        Path file = data.resolve("secrets.env");
        assertThat(Files.readString(file)).isEqualTo("EMBEDDED_POSTGRES_PASSWORD=" + first + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void anExistingSecretsFileGetsTheLineAddedOrHasItRead(@TempDir Path data) throws Exception {
        Path file = data.resolve("secrets.env");
        Files.writeString(file, "BETTER_AUTH_SECRET=abc\n");
        String generated = EmbeddedPassword.keptIn(data);
        assertThat(Files.readString(file))
                .isEqualTo("BETTER_AUTH_SECRET=abc\nEMBEDDED_POSTGRES_PASSWORD=" + generated + "\n");

        Files.writeString(file, "EMBEDDED_POSTGRES_PASSWORD=written-by-run-sh-42\nBETTER_AUTH_SECRET=abc\n");
        assertThat(EmbeddedPassword.keptIn(data)).isEqualTo("written-by-run-sh-42");
    }

    @Test
    void theVariableWinsAndIsChecked() {
        assertThat(EmbeddedPassword.fromEnvironment(Env.of(Map.of("EMBEDDED_POSTGRES_PASSWORD", "a-long-enough-one"))))
                .contains("a-long-enough-one");
        assertThat(EmbeddedPassword.fromEnvironment(Env.of(Map.of()))).isEmpty();
        for (String bad : new String[] {"short", "with a space in it", "x".repeat(129), "tab\tinside-the-password"}) {
            assertThatThrownBy(
                            () -> EmbeddedPassword.fromEnvironment(Env.of(Map.of("EMBEDDED_POSTGRES_PASSWORD", bad))))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageStartingWith("EMBEDDED_POSTGRES_PASSWORD must be 12 to 128 printable ASCII characters")
                    .hasMessageNotContaining(bad);
        }
    }
}
