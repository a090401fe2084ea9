// Benchmark helper for bench/run.sh --views: gives two users the planning views' data, one with 1 000 tasks
// and one with 100 000, straight in PostgreSQL (the change log triggers fire as for any write), then
// VACUUM (ANALYZE) and a CHECKPOINT (as BenchSettle does for --big), and writes one users file per size
// ("<user id> <token>") for bench/wrk/today.lua and upcoming.lua.
//
// Both users have the same 70 "current" tasks, so Today (open, due on or before today: 25 tasks) and Upcoming
// (due today to today + 6: 50 tasks) answer the same pages at both sizes; what grows is the rest, as it grows
// for a real user: completed tasks with past due dates (60 %), tasks without a due date (25 %), open tasks due
// after next week (15 %). "Today" is the UTC date, as the wrk scripts compute it.
//
//   java -cp app/lib/postgresql-*.jar bench/tools/BenchViews.java --port 25432 --password P \
//        --tokens tokens.tsv --from 100 --sizes 1000,100000 --out-dir DIR
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class BenchViews {

    /** One user's tasks: i < 70 the current ones, the rest history, undated and later (see above). */
    private static final String INSERT = """
            insert into tasks.tasks (user_id, title, description, completed, completed_at, due_date, due_time, priority,
                                     position, created_at, updated_at)
            select ?, 'View task ' || i, 'Seeded by bench/run.sh --views.', d.completed,
                   case when d.completed then now() end, d.due, case when i % 4 = 0 and d.due is not null then time '09:30' end,
                   i % 4, 'V' || to_char(i, 'FM0000000'), now() - make_interval(mins => i), now()
            from generate_series(0, ? - 1) i
            cross join lateral (select
                case when i < 20 then false                       -- overdue, open
                     when i < 30 then i % 2 = 0                   -- due today, half done
                     when i < 70 then i % 4 = 0                   -- this week
                     when i % 20 < 12 then true                   -- history: done, due in the past
                     when i % 20 < 17 then i % 2 = 0              -- no due date
                     else false end as completed,                 -- later: open, due after next week
                case when i < 20 then cast(? as date) - (1 + i % 10)
                     when i < 30 then cast(? as date)
                     when i < 70 then cast(? as date) + (1 + i % 6)
                     when i % 20 < 12 then cast(? as date) - (11 + i % 720)
                     when i % 20 < 17 then null
                     else cast(? as date) + (8 + i % 300) end as due) d""";

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        int port = Integer.parseInt(opt.getOrDefault("port", "25432"));
        int from = Integer.parseInt(opt.getOrDefault("from", "100"));
        List<String> tokens = Files.readAllLines(Path.of(opt.get("tokens")));
        String[] sizes = opt.getOrDefault("sizes", "1000,100000").split(",");
        Path out = Path.of(opt.getOrDefault("out-dir", "."));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long t0 = System.nanoTime();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/tasks", "postgres", opt.get("password"))) {
            try (Statement sql = db.createStatement()) {
                // --sizes may go beyond the per-owner limit (100,000 tasks, migration V14): this session's own.
                sql.execute("set tasks.max_tasks_per_owner = 100000000");
            }
            for (int k = 0; k < sizes.length; k++) {
                String[] line = tokens.get(from + k).split("\t");
                int size = Integer.parseInt(sizes[k]);
                try (PreparedStatement insert = db.prepareStatement(INSERT)) {
                    insert.setString(1, line[0]);
                    insert.setInt(2, size);
                    for (int p = 3; p <= 7; p++) insert.setObject(p, today);
                    insert.executeUpdate();
                }
                Files.writeString(out.resolve("users-views-" + size + ".txt"), line[0] + " " + line[1] + "\n");
                System.out.printf("user %s: %d tasks%n", line[0], size);
            }
            try (Statement sql = db.createStatement()) {
                sql.execute("VACUUM (ANALYZE) tasks.tasks");
                sql.execute("CHECKPOINT");
            }
        }
        System.out.printf("seeded and settled in %.1f s (today = %s UTC)%n", (System.nanoTime() - t0) / 1e9, today);
    }
}
