package dev.tasks.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasks.api.config.InvalidSettingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @Test
    void readsAProviderUrlWithCredentialsApart() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://alice:s3cret@db.example.com:6543/tasks");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/tasks");
        assertThat(url.username()).isEqualTo("alice");
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void keepsSslmodeRequireForNeon() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://neondb_owner:npg_AbC123@ep-cool-river-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require");

        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:postgresql://ep-cool-river-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require");
        assertThat(url.username()).isEqualTo("neondb_owner");
        assertThat(url.password()).isEqualTo("npg_AbC123");
    }

    @Test
    void translatesLibpqParameterNames() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u:p@h/db?sslmode=require&channel_binding=require"
                + "&application_name=tasks&connect_timeout=5&target_session_attrs=read-write");

        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:postgresql://h/db?sslmode=require&channelBinding=require"
                        + "&ApplicationName=tasks&connectTimeout=5&targetServerType=primary");
    }

    @Test
    void decodesPercentEncodedCredentialsButLeavesPlusAlone() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://us%40er:p%40ss%3Aw%2Frd+x%25@localhost:5432/db");

        assertThat(url.username()).isEqualTo("us@er");
        assertThat(url.password()).isEqualTo("p@ss:w/rd+x%");
    }

    @Test
    void acceptsAUserWithoutPasswordAndNoPortOrDatabase() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres@localhost");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/");
        assertThat(url.username()).isEqualTo("postgres");
        assertThat(url.password()).isNull();
    }

    @Test
    void passesJdbcUrlsThrough() {
        String jdbc = "jdbc:postgresql://h1:5432,h2:5432/db?sslmode=require&user=u&password=p";

        assertThat(DatabaseUrl.parse(jdbc)).isEqualTo(new DatabaseUrl(jdbc, null, null));
    }

    @Test
    void movesCredentialsOutOfAJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://u:p%21@h:5433/db?sslmode=require");

        assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://h:5433/db?sslmode=require", "u", "p!"));
    }

    @Test
    void supportsIpv6Hosts() {
        assertThat(DatabaseUrl.parse("postgresql://u@[::1]:5432/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/db");
    }

    @Test
    void describesWithoutSecrets() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:topsecret@h:1/db?sslmode=require");

        assertThat(url.describe()).isEqualTo("h:1/db");
        assertThat(url.toString()).doesNotContain("topsecret");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mysql://u:topsecret@h/db",
                "postgresql://u:topsecret@/db",
                "postgresql://u:topsecret@h:port/db",
                "postgresql://u:top%zzsecret@h/db",
                "postgresql://u:topsecret@h/db/extra",
                "topsecret",
                "http://u:topsecret@h/db",
                "postgresql://u:topsecret@h/db?bad key=1"
            })
    void refusesWhatItCannotUseWithoutRepeatingTheSecret(String bad) {
        assertThatThrownBy(() -> DatabaseUrl.parse(bad))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("DATABASE_URL ")
                .hasMessageNotContaining("topsecret")
                .satisfies(e ->
                        assertThat(((InvalidSettingException) e).variable()).isEqualTo("DATABASE_URL"));
    }

    /** Seeded, so a failure names a password that reproduces it. */
    @Test
    void anyPercentEncodedPasswordComesBackAsItWas() {
        Random random = new Random(20261125);
        for (int i = 0; i < 300; i++) {
            String password = randomPassword(random);
            String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");

            DatabaseUrl url = DatabaseUrl.parse("postgresql://user:" + encoded + "@localhost:5432/db?sslmode=require");

            assertThat(url.password()).as("password %s", encoded).isEqualTo(password);
            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/db?sslmode=require");
        }
    }

    /** 1 to 40 code points: ASCII (URL delimiters included), Latin-1, BMP and astral planes. */
    private static String randomPassword(Random random) {
        StringBuilder password = new StringBuilder();
        int length = 1 + random.nextInt(40);
        while (password.codePointCount(0, password.length()) < length) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> 0x20 + random.nextInt(0x5F);
                case 1 -> 0xA0 + random.nextInt(0x160);
                case 2 -> 0x0800 + random.nextInt(0xD000 - 0x0800);
                default -> 0x1F300 + random.nextInt(0x300);
            };
            password.appendCodePoint(codePoint);
        }
        return password.toString();
    }
}
