package dev.tasks.api.support;

import dev.tasks.api.TaskApiSettings;
import dev.tasks.api.config.Env;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What {@code main} does before Spring starts, for Spring tests (which start without it): the
 * variables, here test properties of the same names, parsed once by {@link TaskApiSettings}.
 * One default differs: no shutdown drain, or every cached context would wait a second when the
 * test JVM closes it.
 */
public final class SettingsFromTestProperties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Env properties = Env.of(context.getEnvironment());
        Env env = Env.of(name -> properties.text(name).orElse(name.equals("SHUTDOWN_DRAIN_MS") ? "0" : null));
        TaskApiSettings.from(env).initialize(context);
    }
}
