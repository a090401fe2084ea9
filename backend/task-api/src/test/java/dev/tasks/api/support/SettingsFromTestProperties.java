package dev.tasks.api.support;

import dev.tasks.api.TaskApiSettings;
import dev.tasks.api.config.Env;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What {@code main} does before Spring starts, for Spring tests (which start without it): the
 * variables, here test properties of the same names, parsed once by {@link TaskApiSettings}.
 */
public final class SettingsFromTestProperties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TaskApiSettings.from(Env.of(context.getEnvironment())).initialize(context);
    }
}
