package dev.tasks.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasks.api.config.Env;
import dev.tasks.api.config.InvalidSettingException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void withoutDatabaseUrlTheEmbeddedServerKeepsItsDataUnderDotData() {
        DatabaseSettings settings = DatabaseSettings.from(Env.of(Map.of()));

        assertThat(settings.url()).isEmpty();
        assertThat(settings.embeddedDataDirectory())
                .isEqualTo(Path.of(".data/postgres").toAbsolutePath().normalize());
        assertThat(settings.embeddedPort()).isEqualTo(15432);
    }

    @Test
    void aBlankDatabaseUrlMeansUnset() {
        assertThat(DatabaseSettings.from(Env.of(Map.of("DATABASE_URL", "  "))).url())
                .isEmpty();
    }

    @Test
    void readsTheDataDirectoryAndPort() {
        DatabaseSettings settings = DatabaseSettings.from(
                Env.of(Map.of("TASKS_DATA_DIR", "/var/lib/tasks", "EMBEDDED_POSTGRES_PORT", "25432")));

        assertThat(settings.embeddedDataDirectory()).isEqualTo(Path.of("/var/lib/tasks/postgres"));
        assertThat(settings.embeddedPort()).isEqualTo(25432);
    }

    @Test
    void aBadPortNamesTheVariable() {
        for (String bad : new String[] {"abc", "0", "70000", "15432x"}) {
            assertThatThrownBy(() -> DatabaseSettings.from(Env.of(Map.of("EMBEDDED_POSTGRES_PORT", bad))))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("EMBEDDED_POSTGRES_PORT");
        }
    }
}
