package dev.tasks.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.owned.Owner;
import dev.tasks.api.owned.OwnerKey;
import dev.tasks.api.support.ApiTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A resume from Last-Event-ID reads its owner's rows of the change log through migration V12's
 * (owner_key, xid) index, not every owner's rows since the cursor: after an instance dies all its
 * streams resume at once, and with 400,000 rows a scan cost 100-240 ms each.
 */
class EventHistoryIndexTest extends ApiTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void aResumeReadsOnlyItsOwnersRowsThroughTheOwnerIndex() throws SQLException {
        long owner = new OwnerKey().of(Owner.user("history-index-user"));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement session = connection.createStatement()) {
                // A busy log, in this transaction only: 4,096 owners, 100,000 rows (with a few rows any plan is as
                // cheap).
                session.execute("insert into tasks.task_changes (xid, owner_key, kind, resource_id)"
                        + " select (900000000 + g / 2)::text::xid8, case when g % 4096 = 0 then " + owner
                        + " else hashint4(g % 4096) end, 1, g from generate_series(1, 100000) g");
                session.execute("analyze tasks.task_changes");
            }
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            String plan = String.join(
                    "\n",
                    jdbc.sql("explain " + EventHistory.READ)
                            .param("since", "900000000")
                            .param("owner", owner)
                            .param("limit", EventHistory.MAX_REPLAY + 1)
                            .query(String.class)
                            .list());
            connection.rollback();

            assertThat(plan).contains("task_changes_owner_xid_idx").doesNotContain("Seq Scan on task_changes ");
            assertThat(List.of(plan.split("\n"))).noneMatch(line -> line.contains("task_changes_xid_idx"));
        }
    }
}
