package dev.tasks.api.owned;

import io.github.betterauthjava.jwt.BetterAuthMembers;
import io.github.betterauthjava.jwt.JdbcBetterAuthMembers;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deleting a team deletes its lists and tasks (SPEC 1.9), and an assignee who left a team stops
 * being one. The API learns both from Better Auth's {@code member} table, the same one it reads
 * access from, rather than from a hook the web app would have to call (a hook missed, or a team
 * deleted by Better Auth's own endpoint or by plain SQL, would leave rows forever):
 *
 * <ul>
 *   <li>a team with no member row left is gone: Better Auth's {@code deleteOrganization} deletes the
 *       members (and its foreign key cascades on the organization row), and refuses to let the last
 *       owner leave, so a living team always has one. Its tasks and lists are deleted;</li>
 *   <li>a team task assigned to someone who is not a member of its team (removed, left, account
 *       deleted) gets {@code assignee_id} null, so no user id outlives its account here.</li>
 * </ul>
 *
 * <p>Every {@link #EVERY} on each instance (the statements are idempotent), in one transaction. Until
 * then nothing is reachable: a team without members answers 404 to everyone within 5 s
 * (TeamAccess). Off when memberships are not read from a table in this database.
 */
@Component
final class TeamPurge implements SmartLifecycle {

    static final Duration EVERY = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(TeamPurge.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Optional<String> memberTable;
    private volatile ScheduledExecutorService timer;

    TeamPurge(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<BetterAuthMembers> members) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        // The table is quoted SQL from the library's configuration, never input.
        this.memberTable = members.getIfAvailable() instanceof JdbcBetterAuthMembers table
                ? Optional.of(table.table())
                : Optional.empty();
    }

    /** What one run deleted and cleared. */
    record Purged(int tasks, int lists, int assignees) {}

    /** Deletes the lists and tasks of teams without members, and clears assignees who are not members. */
    Purged purge() {
        String members = memberTable.orElseThrow();
        String noMembers = " not exists (select 1 from " + members + " m where m.\"organizationId\" = ";
        return transactions.execute(status -> {
            // The lists first, as a create does (its list KEY SHARE, then V14's owner counter, which the
            // task delete below takes): the other order could deadlock with a create in such a team
            // (possible for the membership cache's 4 s after the last member left).
            jdbc.sql("select 1 from tasks.lists l where l.team_id is not null and" + noMembers + "l.team_id)"
                            + " for update")
                    .query()
                    .listOfRows();
            int tasks = jdbc.sql("delete from tasks.tasks t where t.team_id is not null and" + noMembers + "t.team_id)")
                    .update();
            int lists = jdbc.sql("delete from tasks.lists l where l.team_id is not null and" + noMembers + "l.team_id)")
                    .update();
            int assignees = jdbc.sql("update tasks.tasks t set assignee_id = null, updated_at = now()"
                            + " where t.assignee_id is not null and" + noMembers + "t.team_id"
                            + " and m.\"userId\" = t.assignee_id)")
                    .update();
            return new Purged(tasks, lists, assignees);
        });
    }

    private void run() {
        try {
            Purged purged = purge();
            if (purged.tasks() + purged.lists() + purged.assignees() > 0) {
                log.info(
                        "Teams without members: deleted {} tasks and {} lists; cleared {} assignees who are no members",
                        purged.tasks(),
                        purged.lists(),
                        purged.assignees());
            }
        } catch (RuntimeException e) {
            // The member table missing (Better Auth not migrated yet) or the database down: next time.
            log.warn("Deleted teams' tasks could not be purged this time: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        if (memberTable.isEmpty()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(
                task -> Thread.ofPlatform().name("team-purge").daemon().unstarted(task));
        timer.scheduleWithFixedDelay(this::run, EVERY.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = timer;
        if (running != null) {
            running.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
