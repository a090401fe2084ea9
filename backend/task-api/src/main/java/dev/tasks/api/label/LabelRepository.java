package dev.tasks.api.label;

import dev.tasks.api.owned.Owner;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Labels are not rows of their own: a label exists while a task uses it (SPEC 1.7), so they are
 * read from, and renamed or removed in, {@code tasks.tasks.labels}. Identity is {@code lower()},
 * in SQL, everywhere; the GIN index on {@code tasks.label_keys(labels)} finds a label's tasks.
 */
@Component
class LabelRepository {

    /** A task's labels with one label replaced by another spelling, and duplicates (by identity) collapsed, in order. */
    private static final String RELABELLED = "(select coalesce(array_agg(l order by o), '{}') from ("
            + " select distinct on (lower(l)) l, o from (select case when lower(x) = lower(:from) then"
            + " cast(:to as text) else x end as l, o from unnest(t.labels) with ordinality u(x, o)) r"
            + " order by lower(l), o) d)";

    private final JdbcClient jdbc;

    LabelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Label> all(Owner owner) {
        return jdbc.sql("select min(l) as name, count(*) filter (where not t.completed) as task_count"
                        + " from tasks.tasks t, unnest(t.labels) l where t." + owner.column() + " = :owner"
                        + " group by lower(l) order by lower(l)")
                .param("owner", owner.id())
                .query((row, n) -> new Label(row.getString("name"), row.getLong("task_count")))
                .list();
    }

    /**
     * Renames label {@code from} to {@code to} on every task; when {@code to} is another label the
     * owner has, the two merge under that label's spelling. Returns the tasks changed (0: no such label).
     */
    int rename(Owner owner, String from, String to) {
        LabelSpellings.lockLabels(jdbc, owner);
        // An existing other label keeps its spelling (the first stored wins); the same label takes the new one.
        String spelling = jdbc.sql("select l from tasks.tasks t, unnest(t.labels) l where t." + owner.column()
                        + " = :owner and lower(l) = lower(:to) and lower(:to) <> lower(:from)"
                        + " and tasks.label_keys(t.labels) @> array[lower(:to)] order by t.id limit 1")
                .param("owner", owner.id())
                .param("to", to)
                .param("from", from)
                .query(String.class)
                .optional()
                .orElse(to);
        return jdbc.sql("update tasks.tasks t set labels = " + RELABELLED + ", updated_at = now() where t."
                        + owner.column() + " = :owner and tasks.label_keys(t.labels) @> array[lower(:from)]")
                .param("from", from)
                .param("to", spelling)
                .param("owner", owner.id())
                .update();
    }

    /** Takes the label off every task; returns the tasks changed (0: no such label). */
    int delete(Owner owner, String name) {
        LabelSpellings.lockLabels(jdbc, owner);
        return jdbc.sql("update tasks.tasks t set labels = (select coalesce(array_agg(x order by o), '{}')"
                        + " from unnest(t.labels) with ordinality u(x, o) where lower(x) <> lower(:name)),"
                        + " updated_at = now() where t." + owner.column() + " = :owner"
                        + " and tasks.label_keys(t.labels) @> array[lower(:name)]")
                .param("name", name)
                .param("owner", owner.id())
                .update();
    }
}
