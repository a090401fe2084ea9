// Benchmark helper for bench/run.sh --teams: makes each bench user a member (role "member") of a team of
// their own, in Better Auth's organization tables (created as Better Auth 1.7's organization plugin
// migration creates them: "user", "organization", "member", camelCase columns, cascading foreign keys),
// then seeds the same number of tasks into each team through the API with the member's token, and writes
// team-users.txt ("<team id> <token> <task id>…" per line, the format of users.txt). Runs with the
// PostgreSQL driver of the extracted API jar on the class path:
//
//   java -cp app/lib/postgresql-*.jar bench/tools/BenchTeams.java --port 25432 --password P
//        --api http://127.0.0.1:18080 --users D/users.txt --tasks 10 --out D/team-users.txt
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class BenchTeams {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        int port = Integer.parseInt(opt.getOrDefault("port", "25432"));
        int tasks = Integer.parseInt(opt.getOrDefault("tasks", "10"));
        List<String[]> users = Files.readAllLines(Path.of(opt.get("users"))).stream()
                .map(line -> line.split(" ")).filter(columns -> columns.length >= 2).toList();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/tasks", "postgres", opt.get("password"));
                Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS public.\"user\" (\"id\" text NOT NULL PRIMARY KEY, \"name\" text NOT NULL,"
                    + " \"email\" text NOT NULL UNIQUE, \"emailVerified\" boolean NOT NULL, \"image\" text,"
                    + " \"createdAt\" timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL, \"updatedAt\" timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL)");
            ddl.execute("CREATE TABLE IF NOT EXISTS public.\"organization\" (\"id\" text NOT NULL PRIMARY KEY, \"name\" text NOT NULL,"
                    + " \"slug\" text NOT NULL UNIQUE, \"logo\" text, \"createdAt\" timestamptz NOT NULL, \"metadata\" text)");
            ddl.execute("CREATE TABLE IF NOT EXISTS public.\"member\" (\"id\" text NOT NULL PRIMARY KEY,"
                    + " \"organizationId\" text NOT NULL REFERENCES public.\"organization\" (\"id\") ON DELETE CASCADE,"
                    + " \"userId\" text NOT NULL REFERENCES public.\"user\" (\"id\") ON DELETE CASCADE,"
                    + " \"role\" text NOT NULL, \"createdAt\" timestamptz NOT NULL)");
            ddl.execute("CREATE INDEX IF NOT EXISTS \"member_organizationId_idx\" ON public.\"member\" (\"organizationId\")");
            ddl.execute("CREATE INDEX IF NOT EXISTS \"member_userId_idx\" ON public.\"member\" (\"userId\")");
            try (PreparedStatement user = db.prepareStatement("INSERT INTO public.\"user\" (\"id\", \"name\", \"email\", \"emailVerified\")"
                            + " VALUES (?, 'Bench', ?, false) ON CONFLICT DO NOTHING");
                    PreparedStatement org = db.prepareStatement("INSERT INTO public.\"organization\" (\"id\", \"name\", \"slug\", \"createdAt\")"
                            + " VALUES (?, 'Bench team', ?, now()) ON CONFLICT DO NOTHING");
                    PreparedStatement member = db.prepareStatement("INSERT INTO public.\"member\" (\"id\", \"organizationId\", \"userId\","
                            + " \"role\", \"createdAt\") VALUES (?, ?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
                for (String[] u : users) {
                    String team = "team-" + u[0];
                    for (String id : new String[] {u[0], "owner-" + u[0]}) {
                        user.setString(1, id);
                        user.setString(2, id + "@bench.example");
                        user.executeUpdate();
                    }
                    org.setString(1, team);
                    org.setString(2, team);
                    org.executeUpdate();
                    for (String[] m : new String[][] {{"owner-" + u[0], "owner"}, {u[0], "member"}}) {
                        member.setString(1, team + "/" + m[0]);
                        member.setString(2, team);
                        member.setString(3, m[0]);
                        member.setString(4, m[1]);
                        member.executeUpdate();
                    }
                }
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        StringBuilder out = new StringBuilder();
        for (String[] u : users) {
            String team = "team-" + u[0];
            out.append(team).append(' ').append(u[1]);
            for (int t = 0; t < tasks; t++) {
                HttpResponse<String> created = http.send(
                        HttpRequest.newBuilder(URI.create(opt.get("api") + "/api/teams/" + team + "/tasks"))
                                .header("Authorization", "Bearer " + u[1])
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Team task " + t + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher id = ID.matcher(created.body());
                if (created.statusCode() != 201 || !id.find()) {
                    throw new IllegalStateException("seeding a team task: HTTP " + created.statusCode() + " " + created.body());
                }
                out.append(' ').append(id.group(1));
            }
            out.append('\n');
        }
        Files.writeString(Path.of(opt.get("out")), out);
        System.out.println("[bench] " + users.size() + " teams (each bench user a member), " + tasks + " tasks each, through the API");
    }
}
