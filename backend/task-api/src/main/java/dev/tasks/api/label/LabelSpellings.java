package dev.tasks.api.label;

import dev.tasks.api.owned.Owner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "The spelling first stored wins" (SPEC 1.7): a label a task is given takes the spelling the
 * owner's tasks already use for it, so an owner has one spelling per label. Runs inside the write's
 * transaction, and serialises the owner's label writes (a transaction-scoped advisory lock), so two
 * tasks given "Work" and "work" at once still end up with one spelling.
 */
@Component
public final class LabelSpellings {

    private final JdbcClient jdbc;

    LabelSpellings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code names} (valid, one per label) in the spellings the owner already uses, in the same order. */
    public List<String> of(Owner owner, List<String> names) {
        if (names.isEmpty()) {
            return names;
        }
        lockLabels(jdbc, owner);
        List<String> spelled = jdbc.sql("select coalesce(e.spelling, n.name) from unnest(cast(:names as text[]))"
                        + " with ordinality n(name, o) left join lateral (select l as spelling from tasks.tasks t,"
                        + " unnest(t.labels) l where t." + owner.column() + " = :owner"
                        + " and tasks.label_keys(t.labels) @> array[lower(n.name)] and lower(l) = lower(n.name)"
                        + " order by t.id limit 1) e on true order by n.o")
                .param("names", names.toArray(String[]::new))
                .param("owner", owner.id())
                .query(String.class)
                .list();
        return new ArrayList<>(new LinkedHashSet<>(spelled));
    }

    /**
     * Every label the owner's tasks use, by {@link LabelNames#key}, in the spelling first stored;
     * locks the owner's labels until the transaction ends (as {@link #of}), for a bulk write that
     * spells many tasks' labels at once (transfer's import).
     */
    public Map<String, String> all(Owner owner, boolean lock) {
        if (lock) {
            lockLabels(jdbc, owner);
        }
        Map<String, String> spellings = new HashMap<>();
        jdbc.sql("select distinct on (lower(l)) l as spelling from tasks.tasks t, unnest(t.labels) l" + " where t."
                        + owner.column() + " = :owner order by lower(l), t.id")
                .param("owner", owner.id())
                .query(row -> {
                    spellings.putIfAbsent(LabelNames.key(row.getString("spelling")), row.getString("spelling"));
                });
        return spellings;
    }

    /** Until the transaction ends, no other transaction changes this owner's label spellings. */
    static void lockLabels(JdbcClient jdbc, Owner owner) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:scope, 0))")
                .param("scope", "labels:" + owner.column() + ":" + owner.id())
                .query()
                .listOfRows();
    }
}
