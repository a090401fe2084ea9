// Benchmark helper: after `--big` seeds 99 000 tasks in one go, brings the table to the state a
// table that grew over weeks is in: VACUUM (ANALYZE) and a CHECKPOINT, so the list-100k run measures
// the list at 100 000 tasks and not PostgreSQL's autovacuum, autoanalyze and checkpoint of the bulk
// insert (which start within seconds of it and ran during the measurement before this existed).
// Runs with the PostgreSQL driver of the extracted API jar on the class path:
//
//   java -cp app/lib/postgresql-*.jar bench/tools/BenchSettle.java --port 25432 --password P
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

public class BenchSettle {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        int port = Integer.parseInt(opt.getOrDefault("port", "25432"));
        long t0 = System.nanoTime();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/tasks", "postgres", opt.get("password"));
                Statement sql = db.createStatement()) {
            sql.execute("VACUUM (ANALYZE) tasks.tasks");
            sql.execute("CHECKPOINT");
        }
        System.out.printf("VACUUM (ANALYZE) tasks.tasks and CHECKPOINT in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
