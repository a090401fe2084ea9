package dev.tasks.api.owned;

import dev.tasks.api.config.Env;

/**
 * How many tasks (open and completed together) and lists one owner, a user or a team, may keep:
 * {@code TASKS_MAX_PER_OWNER} (100,000) and {@code LISTS_MAX_PER_OWNER} (1,000). Parsed once in
 * TaskApiSettings. The database enforces them (migration V14's triggers, which count per owner and
 * refuse the statement that would go over, whoever runs it); they reach it as two settings of every
 * pooled connection ({@link #connectionInitSql}). A session without them gets V14's defaults, the
 * same numbers as here.
 *
 * <p>100,000 tasks is a hundred times what a busy person keeps in a few years, and what an export
 * still writes within the API's 112 MiB heap (bench/import.sh --export-tasks 100000); 1,000 lists
 * is what the lists page and an import's name matching read whole.
 */
public record OwnerLimits(int maxTasks, int maxLists) {

    public static final String TASKS_VARIABLE = "TASKS_MAX_PER_OWNER";
    public static final String LISTS_VARIABLE = "LISTS_MAX_PER_OWNER";
    static final int DEFAULT_MAX_TASKS = 100_000;
    static final int DEFAULT_MAX_LISTS = 1_000;

    public static OwnerLimits from(Env env) {
        return new OwnerLimits(
                env.integer(TASKS_VARIABLE, DEFAULT_MAX_TASKS, 1, 100_000_000),
                env.integer(LISTS_VARIABLE, DEFAULT_MAX_LISTS, 1, 1_000_000));
    }

    /**
     * Hikari runs this once on each new connection: session settings the V14 triggers read. Plain
     * numbers, checked above, so nothing here needs quoting.
     */
    public String connectionInitSql() {
        return "select set_config('tasks.max_tasks_per_owner', '" + maxTasks + "', false),"
                + " set_config('tasks.max_lists_per_owner', '" + maxLists + "', false)";
    }
}
