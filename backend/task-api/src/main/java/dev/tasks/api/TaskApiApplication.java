package dev.tasks.api;

import dev.tasks.api.config.Env;
import dev.tasks.api.config.InvalidSettingException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TaskApiApplication {

    public static void main(String[] args) {
        TaskApiSettings settings;
        try {
            settings = TaskApiSettings.from(Env.of(System::getenv));
        } catch (InvalidSettingException e) {
            // One line, before anything starts (no embedded database, no stack trace).
            System.err.println("task-api: " + e.getMessage());
            System.exit(2);
            return;
        }
        SpringApplication application = new SpringApplication(TaskApiApplication.class);
        application.addInitializers(settings);
        application.run(args);
    }
}
