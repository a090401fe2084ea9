package dev.tasks.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasks.api.config.Env;
import dev.tasks.api.config.InvalidSettingException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Start-up refuses bad environment variables before anything starts (TaskApiSettings, in main), naming the variable. */
class TaskApiSettingsTest {

    @Test
    void theDefaultsAreValid() {
        assertThatCode(() -> TaskApiSettings.from(Env.of(Map.of()))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PORT                   | eighty",
                "PORT                   | 65536",
                "DATABASE_URL           | mysql://root:pw@localhost/tasks",
                "EMBEDDED_POSTGRES_PORT | -1",
                "CORS_ORIGINS           | *",
                "CORS_ORIGINS           | localhost:3000",
                "CORS_ORIGINS           | http://localhost:3000/app",
                "RATE_LIMIT_USER_RPS    | 1.5",
                "RATE_LIMIT_IP_RPS      | -1",
                "RATE_LIMIT_USER_BURST  | 0",
                "RATE_LIMIT_IP_BURST    | many",
                "TRUSTED_PROXIES        | my-proxy",
                "BETTER_AUTH_SESSION_CHECK | sometimes",
                "BETTER_AUTH_SESSION_CHECK | if present",
                "MANAGEMENT_SERVER_PORT | metrics",
                "MANAGEMENT_SERVER_PORT | 8000",
                "MANAGEMENT_SERVER_ADDRESS | localhost",
                "EMBEDDED_POSTGRES_PASSWORD | postgres",
                "SHUTDOWN_DRAIN_MS      | 1s",
                "SHUTDOWN_DRAIN_MS      | 60001"
            })
    void aBadValueIsRefusedNamingItsVariable(String variable, String value) {
        assertThatThrownBy(() -> TaskApiSettings.from(Env.of(Map.of(variable, value))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(variable + " ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void goodValuesPass() {
        Map<String, String> env = Map.of(
                "PORT",
                "8080",
                "DATABASE_URL",
                "postgresql://u:p@db:5432/tasks?sslmode=require",
                "CORS_ORIGINS",
                "https://tasks.example.com, http://localhost:3000/",
                "RATE_LIMIT_USER_RPS",
                "0",
                "TRUSTED_PROXIES",
                "10.0.0.0/8,::1",
                "BETTER_AUTH_SESSION_CHECK",
                "Required",
                "SHUTDOWN_DRAIN_MS",
                "10000");

        assertThatCode(() -> TaskApiSettings.from(Env.of(env))).doesNotThrowAnyException();
    }
}
