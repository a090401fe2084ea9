// Benchmark helper: Better Auth's session table in the bench database, with the live session each
// token of `BenchTokens serve --sids yes` names (third column of tokens.tsv), so they pass the API's
// session check. Runs with the PostgreSQL driver of the extracted API jar on the class path:
//
//   java -cp app/lib/postgresql-*.jar bench/tools/BenchSessions.java --port 25432 --tokens D/tokens.tsv
//
// The table is created as Better Auth 1.7's PostgreSQL migration creates it (camelCase columns);
// every session expires in 7 days.
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class BenchSessions {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        int port = Integer.parseInt(opt.getOrDefault("port", "25432"));
        List<String[]> sessions = Files.readAllLines(Path.of(opt.getOrDefault("tokens", "tokens.tsv"))).stream()
                .map(line -> line.split("\t")).filter(columns -> columns.length >= 3).toList();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/tasks", "postgres", null)) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS public.\"session\" (\"id\" text NOT NULL PRIMARY KEY,"
                        + " \"expiresAt\" timestamptz NOT NULL, \"token\" text NOT NULL UNIQUE,"
                        + " \"createdAt\" timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL, \"updatedAt\" timestamptz NOT NULL,"
                        + " \"ipAddress\" text, \"userAgent\" text, \"userId\" text NOT NULL)");
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO public.\"session\" (\"id\", \"expiresAt\", \"token\","
                    + " \"updatedAt\", \"userId\") VALUES (?, ?, ?, now(), ?) ON CONFLICT (\"id\") DO NOTHING")) {
                Timestamp expiresAt = Timestamp.from(Instant.now().plus(Duration.ofDays(7)));
                for (String[] session : sessions) {
                    insert.setString(1, session[2]);
                    insert.setTimestamp(2, expiresAt);
                    insert.setString(3, "token-of-" + session[2]);
                    insert.setString(4, session[0]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        System.out.println("[bench] " + sessions.size() + " Better Auth sessions in public.\"session\"");
    }
}
