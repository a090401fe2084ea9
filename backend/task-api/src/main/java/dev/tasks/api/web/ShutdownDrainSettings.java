package dev.tasks.api.web;

import dev.tasks.api.config.Env;
import java.time.Duration;

/**
 * {@code SHUTDOWN_DRAIN_MS}: how long the API keeps serving after SIGTERM before its graceful
 * shutdown stops taking requests ({@link ShutdownDrain}). 1 s by default: enough for every busy
 * keep-alive client to be told {@code Connection: close}, short enough that Ctrl-C stays quick.
 * Behind a load balancer that needs longer to notice readiness, raise it (up to 60 s) rather than
 * adding a {@code preStop} sleep.
 */
public record ShutdownDrainSettings(Duration window) {

    static final String VARIABLE = "SHUTDOWN_DRAIN_MS";
    static final int DEFAULT_MILLIS = 1000;

    public static ShutdownDrainSettings from(Env env) {
        return new ShutdownDrainSettings(Duration.ofMillis(env.integer(VARIABLE, DEFAULT_MILLIS, 0, 60_000)));
    }
}
