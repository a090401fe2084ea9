package dev.tasks.api.list;

import dev.tasks.api.owned.Owner;
import dev.tasks.api.owned.Positions;
import dev.tasks.api.web.StorableText;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An owner's lists found by name, and new ones appended, for a feature that files many tasks by
 * list name (transfer's import). Names are matched without regard to case, trimmed: a file's
 * "groceries" lands in the owner's "Groceries". Writes run inside the caller's transaction.
 */
@Component
public final class ListsByName {

    private final JdbcClient jdbc;

    ListsByName(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The name trimmed, or an {@link IllegalArgumentException} saying what is wrong (the rules of ListName). */
    public static String name(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > ListName.MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + ListName.MAX_LENGTH + " characters");
        }
        if (!StorableText.storable(trimmed)) {
            throw new IllegalArgumentException("must not contain NUL characters or broken Unicode");
        }
        return trimmed;
    }

    /** How names are compared: {@link #existing} is keyed by this. */
    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The owner's lists by {@link #key} of their names; of two with one name, the first in the owner's order. */
    public Map<String, Long> existing(Owner owner) {
        Map<String, Long> byName = new LinkedHashMap<>();
        jdbc.sql("select id, name from tasks.lists where " + owner.column() + " = :owner order by position, id")
                .param("owner", owner.id())
                .query(row -> {
                    byName.putIfAbsent(key(row.getString("name")), row.getLong("id"));
                });
        return byName;
    }

    /** Appends lists named {@code names} (valid, new) in this order; their ids, in the same order. */
    public Map<String, Long> create(Owner owner, Iterable<String> names) {
        String last = jdbc.sql("select position from tasks.lists where " + owner.column()
                        + " = :owner order by position desc, id desc limit 1")
                .param("owner", owner.id())
                .query(String.class)
                .optional()
                .orElse(null);
        Map<String, Long> created = new LinkedHashMap<>();
        for (String name : names) {
            last = Positions.after(last);
            long id = jdbc.sql("insert into tasks.lists (" + owner.column() + ", name, position)"
                            + " values (:owner, :name, :position) returning id")
                    .param("owner", owner.id())
                    .param("name", name)
                    .param("position", last)
                    .query(Long.class)
                    .single();
            created.put(key(name), id);
        }
        return created;
    }
}
