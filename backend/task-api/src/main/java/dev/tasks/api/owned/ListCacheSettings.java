package dev.tasks.api.owned;

import dev.tasks.api.config.Env;
import dev.tasks.api.config.InvalidSettingException;

/**
 * {@code TASK_LIST_CACHE_MB}: how much memory the list cache ({@link ListCache}) may hold, in
 * MiB of rendered JSON; {@code 0} turns it off (every list reads PostgreSQL). At most a quarter of
 * the heap: jvm.options gives the API 112 MiB, so up to 28 there; a bigger cache needs a bigger
 * {@code -Xmx} first. Parsed once in TaskApiSettings.
 */
public record ListCacheSettings(int megabytes) {

    static final String VARIABLE = "TASK_LIST_CACHE_MB";
    static final int DEFAULT_MEGABYTES = 16;

    public static ListCacheSettings from(Env env) {
        return from(env, Runtime.getRuntime().maxMemory());
    }

    static ListCacheSettings from(Env env, long maxHeapBytes) {
        int quarterOfHeap = (int) Math.min(Integer.MAX_VALUE, maxHeapBytes / 4 / (1024 * 1024));
        int megabytes = env.integer(VARIABLE, DEFAULT_MEGABYTES, 0, Integer.MAX_VALUE);
        if (megabytes > quarterOfHeap) {
            throw new InvalidSettingException(
                    VARIABLE,
                    VARIABLE + "=" + megabytes + " is more than a quarter of the heap (" + maxHeapBytes / (1024 * 1024)
                            + " MiB): at most " + quarterOfHeap + ", or raise -Xmx (backend/task-api/jvm.options)");
        }
        return new ListCacheSettings(megabytes);
    }

    boolean enabled() {
        return megabytes > 0;
    }

    long maxBytes() {
        return megabytes * 1024L * 1024L;
    }
}
