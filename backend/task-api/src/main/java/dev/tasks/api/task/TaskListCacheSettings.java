package dev.tasks.api.task;

import dev.tasks.api.config.Env;

/**
 * {@code TASK_LIST_CACHE_MB}: how much memory the list cache ({@link TaskListCache}) may hold, in
 * MiB of rendered JSON; {@code 0} turns it off (every list reads PostgreSQL). Parsed once in
 * TaskApiSettings.
 */
public record TaskListCacheSettings(int megabytes) {

    static final String VARIABLE = "TASK_LIST_CACHE_MB";
    static final int DEFAULT_MEGABYTES = 16;
    static final int MAX_MEGABYTES = 1024;

    public static TaskListCacheSettings from(Env env) {
        return new TaskListCacheSettings(env.integer(VARIABLE, DEFAULT_MEGABYTES, 0, MAX_MEGABYTES));
    }

    boolean enabled() {
        return megabytes > 0;
    }

    long maxBytes() {
        return megabytes * 1024L * 1024L;
    }
}
