package dev.tasks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasks.api.config.Env;
import dev.tasks.api.config.InvalidSettingException;
import dev.tasks.api.owned.OwnerLimits;
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
                "SHUTDOWN_DRAIN_MS      | 60001",
                "TASKS_MAX_PER_OWNER    | 0",
                "TASKS_MAX_PER_OWNER    | 100k",
                "TASKS_MAX_PER_OWNER    | 100000001",
                "LISTS_MAX_PER_OWNER    | -1",
                "LISTS_MAX_PER_OWNER    | 1.5"
            })
    void aBadValueIsRefusedNamingItsVariable(String variable, String value) {
        assertThatThrownBy(() -> TaskApiSettings.from(Env.of(Map.of(variable, value))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(variable + " ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void theOwnerLimitsReachEveryPooledConnection() {
        TaskApiSettings settings = TaskApiSettings.from(Env.of(Map.of("TASKS_MAX_PER_OWNER", "250000")));

        assertThat(settings.ownerLimits()).isEqualTo(new OwnerLimits(250_000, 1_000));
        assertThat(settings.springProperties().get("spring.datasource.hikari.connection-init-sql"))
                .isEqualTo("select set_config('tasks.max_tasks_per_owner', '250000', false),"
                        + " set_config('tasks.max_lists_per_owner', '1000', false)");
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
                "10000",
                "TASKS_MAX_PER_OWNER",
                "250000",
                "LISTS_MAX_PER_OWNER",
                "1");

        assertThatCode(() -> TaskApiSettings.from(Env.of(env))).doesNotThrowAnyException();
    }
}
