package dev.tasks.api.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * Turns {@code MANAGEMENT_SERVER_PORT} and {@code MANAGEMENT_SERVER_ADDRESS} into Spring's
 * {@code management.server.*}, with the defaults and the {@code off} Spring itself does not know.
 * Placed just above the environment variables (which Spring would otherwise bind as they are), and
 * below command-line arguments and test properties, which may still set {@code management.server.*}.
 */
final class ManagementPortEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "taskApiManagementServer";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ManagementSettings settings = ManagementSettings.from(EnvConfiguration.rawEnv(environment));
        MapPropertySource source = new MapPropertySource(SOURCE_NAME, settings.springProperties());
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addBefore(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addLast(source);
        }
    }
}
