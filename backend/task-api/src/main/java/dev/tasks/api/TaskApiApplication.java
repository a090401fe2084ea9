package dev.tasks.api;

import dev.tasks.api.config.Env;
import dev.tasks.api.config.InvalidSettingException;
import dev.tasks.api.config.ManagementSettings;
import dev.tasks.api.database.DatabaseSettings;
import dev.tasks.api.ratelimit.RateLimitSettings;
import dev.tasks.api.web.CorsSettings;
import dev.tasks.api.web.SessionCheckSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TaskApiApplication {

    public static void main(String[] args) {
        try {
            checkEnvironment(Env.of(System::getenv));
        } catch (InvalidSettingException e) {
            // One line, before anything starts (no embedded database, no stack trace).
            System.err.println("task-api: " + e.getMessage());
            System.exit(2);
        }
        SpringApplication.run(TaskApiApplication.class, args);
    }

    /** Parses every variable the API reads, so a bad one is reported before start-up begins. */
    static void checkEnvironment(Env env) {
        env.integer("PORT", 8000, 0, 65535);
        DatabaseSettings.from(env);
        CorsSettings.from(env);
        RateLimitSettings.from(env);
        SessionCheckSettings.from(env);
        ManagementSettings.from(env);
    }
}
