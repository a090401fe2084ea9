package dev.tasks.api.list;

import dev.tasks.api.owned.Owner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a list is one of the owner's, for a task about to be filed in it. Locks the list row
 * {@code FOR KEY SHARE} until the write commits, so the list cannot be deleted in between (its
 * deletion waits, then moves or deletes the task with the rest).
 */
@Component
public final class ListMembership {

    private final JdbcClient jdbc;

    ListMembership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when {@code listId} names one of the owner's lists (null, the Inbox, always does). */
    public boolean isOwnersList(Owner owner, Long listId) {
        return listId == null
                || jdbc.sql("select 1 from tasks.lists where id = :id and " + owner.column()
                                        + " = :owner for key share")
                                .param("id", listId)
                                .param("owner", owner.id())
                                .query()
                                .listOfRows()
                                .size()
                        == 1;
    }
}
