// Benchmark helper: a local stand-in for Better Auth's /api/auth/jwks plus real EdDSA (or RS256) tokens.
// Single file, JDK only, so `java bench/tools/BenchTokens.java …` runs on any JDK >= 21 without a build.
//
//   serve --port P --dir D [--users 100] [--filler-users 900] [--ttl-hours 24] [--sids yes] [--alg EdDSA|RS256]
//       generates an Ed25519 key, serves {"keys":[{kty:OKP,crv:Ed25519,alg:EdDSA,kid,x}]} at
//       http://127.0.0.1:P/api/auth/jwks, writes D/tokens.tsv (user id, token) and runs until killed.
//       --alg RS256 generates an RSA 2048 key instead ({"kty":"RSA","alg":"RS256","use":"sig",kid,n,e}), as
//       Better Auth's jwt({ jwks: { keyPairConfig: { alg: "RS256" } } }) does; stock Spring Boot resource
//       servers verify RS256 but not EdDSA, so the compare-stock mode of bench/run.sh uses it for both APIs.
//       Tokens look like Better Auth 1.7's: header {"alg":"EdDSA","kid":…}, claims sub/id/email/name/
//       iat/exp/iss/aud with iss = aud = http://127.0.0.1:P (the BETTER_AUTH_URL the API is given).
//       --sids yes adds a sid claim naming a session of the user, written as a third column of
//       tokens.tsv (BenchSessions.java stores those sessions in the bench database).
//   seed --api URL --dir D --users 100 --tasks 10 [--from 0] [--concurrency 16] [--out users.txt]
//       creates tasks through the API (POST /api/{user}/tasks) and writes one line per user:
//       "<user id> <token> <task id> <task id> …" for the wrk Lua scripts.
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

public class BenchTokens {
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) usage();
        Map<String, String> opt = options(args);
        switch (args[0]) {
            case "serve" -> serve(opt);
            case "seed" -> seed(opt);
            default -> usage();
        }
    }

    static void usage() {
        System.err.println("usage: BenchTokens serve --port P --dir D [--users N] [--filler-users N] [--alg EdDSA|RS256]\n"
                + "       BenchTokens seed --api URL --dir D --users N --tasks N [--from I] [--concurrency C] [--out FILE]");
        System.exit(2);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        return m;
    }

    static String userId(int i) {
        // Better Auth ids are 32-char random strings; keep ours the same length and readable.
        return "benchuser" + "0".repeat(23 - Integer.toString(i).length()) + i;
    }

    static String sessionId(int i) {
        return "benchsession" + "0".repeat(20 - Integer.toString(i).length()) + i;
    }

    static void serve(Map<String, String> opt) throws Exception {
        int port = Integer.parseInt(opt.getOrDefault("port", "18300"));
        Path dir = Path.of(opt.getOrDefault("dir", "."));
        int users = Integer.parseInt(opt.getOrDefault("users", "100"));
        int filler = Integer.parseInt(opt.getOrDefault("filler-users", "0"));
        long ttl = Long.parseLong(opt.getOrDefault("ttl-hours", "24")) * 3600;
        boolean sids = "yes".equals(opt.get("sids"));
        String issuer = "http://127.0.0.1:" + port;

        String alg = opt.getOrDefault("alg", "EdDSA");
        String kid = "bench-" + Long.toHexString(System.nanoTime());
        java.security.KeyPair kp;
        String jwks;
        Signature signer;
        switch (alg) {
            case "EdDSA" -> {
                kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                byte[] spki = kp.getPublic().getEncoded(); // 12-byte X.509 prefix + 32-byte raw key
                String x = B64.encodeToString(java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length));
                jwks = "{\"keys\":[{\"alg\":\"EdDSA\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\",\"kty\":\"OKP\",\"kid\":\"" + kid + "\"}]}";
                signer = Signature.getInstance("Ed25519");
            }
            case "RS256" -> {
                var rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                kp = rsa.generateKeyPair();
                var pub = (java.security.interfaces.RSAPublicKey) kp.getPublic();
                jwks = "{\"keys\":[{\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"" + unsigned(pub.getModulus()) + "\",\"e\":\""
                        + unsigned(pub.getPublicExponent()) + "\",\"kty\":\"RSA\",\"kid\":\"" + kid + "\"}]}";
                signer = Signature.getInstance("SHA256withRSA");
            }
            default -> throw new IllegalArgumentException("--alg must be EdDSA or RS256, not " + alg);
        }

        String header = B64.encodeToString(("{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
        long iat = Instant.now().getEpochSecond();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < users + filler; i++) {
            String id = userId(i);
            String payload = "{\"iat\":" + iat + ",\"name\":\"Bench User " + i + "\",\"email\":\"" + id + "@bench.example\","
                    + "\"emailVerified\":false,\"image\":null,\"id\":\"" + id + "\",\"sub\":\"" + id + "\",\"exp\":" + (iat + ttl)
                    + ",\"iss\":\"" + issuer + "\",\"aud\":\"" + issuer + "\""
                    + (sids ? ",\"sid\":\"" + sessionId(i) + "\"" : "") + "}";
            String input = header + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            signer.initSign(kp.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            out.append(id).append('\t').append(input).append('.').append(B64.encodeToString(signer.sign()));
            out.append(sids ? "\t" + sessionId(i) : "").append('\n');
        }
        Files.createDirectories(dir);
        Path tmp = dir.resolve("tokens.tsv.tmp");
        Files.writeString(tmp, out);
        Files.move(tmp, dir.resolve("tokens.tsv"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
        server.createContext("/api/auth/jwks", ex -> {
            fetches.incrementAndGet();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (var os = ex.getResponseBody()) { os.write(body); }
        });
        server.createContext("/api/auth/ok", ex -> {
            byte[] ok = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            try (var os = ex.getResponseBody()) { os.write(ok); }
        });
        server.createContext("/stats", ex -> {
            byte[] s = ("{\"jwks_fetches\":" + fetches.get() + "}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, s.length);
            try (var os = ex.getResponseBody()) { os.write(s); }
        });
        server.start();
        System.out.println(alg + " JWKS at " + issuer + "/api/auth/jwks (kid " + kid + "), " + (users + filler) + " tokens in " + dir.resolve("tokens.tsv"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    /** A JWK number (RFC 7518 6.3.1): big-endian, base64url, without the sign byte BigInteger may add. */
    static String unsigned(java.math.BigInteger n) {
        byte[] b = n.toByteArray();
        return B64.encodeToString(b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b);
    }

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    static void seed(Map<String, String> opt) throws Exception {
        URI api = URI.create(opt.get("api"));
        Path dir = Path.of(opt.getOrDefault("dir", "."));
        int users = Integer.parseInt(opt.getOrDefault("users", "100"));
        int from = Integer.parseInt(opt.getOrDefault("from", "0"));
        int tasks = Integer.parseInt(opt.getOrDefault("tasks", "10"));
        int concurrency = Integer.parseInt(opt.getOrDefault("concurrency", "16"));
        List<String[]> all = Files.readAllLines(dir.resolve("tokens.tsv")).stream().map(l -> l.split("\t")).toList();
        List<String[]> chosen = all.subList(from, from + users);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore permits = new Semaphore(concurrency);
        Map<String, List<Long>> ids = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String[] u : chosen) {
                ids.put(u[0], java.util.Collections.synchronizedList(new ArrayList<>()));
                for (int t = 0; t < tasks; t++) {
                    final int n = t;
                    permits.acquire();
                    exec.submit(() -> {
                        try {
                            String json = "{\"title\":\"Task " + n + " of " + u[0].substring(u[0].length() - 4)
                                    + "\",\"description\":\"Seeded by bench/run.sh: a realistic description of moderate length.\","
                                    + "\"completed\":" + (n % 3 == 0) + "}";
                            var req = HttpRequest.newBuilder(api.resolve("/api/" + u[0] + "/tasks"))
                                    .header("Authorization", "Bearer " + u[1]).header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
                            var res = http.send(req, HttpResponse.BodyHandlers.ofString());
                            var m = ID.matcher(res.body());
                            if (res.statusCode() != 201 || !m.find()) {
                                if (failures.incrementAndGet() <= 3) System.err.println("seed: HTTP " + res.statusCode() + " " + res.body());
                            } else {
                                ids.get(u[0]).add(Long.parseLong(m.group(1)));
                            }
                        } catch (Exception e) {
                            if (failures.incrementAndGet() <= 3) System.err.println("seed: " + e);
                        } finally {
                            permits.release();
                        }
                        return null;
                    });
                }
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("seeded %d tasks for %d users in %.1f s (%.0f/s), %d failures%n",
                (long) users * tasks - failures.get(), users, secs, users * tasks / secs, failures.get());
        if (opt.containsKey("out")) {
            StringBuilder sb = new StringBuilder();
            for (String[] u : chosen) {
                sb.append(u[0]).append(' ').append(u[1]);
                ids.get(u[0]).stream().sorted().forEach(id -> sb.append(' ').append(id));
                sb.append('\n');
            }
            Files.writeString(Path.of(opt.get("out")), sb);
        }
        if (failures.get() > 0) System.exit(1);
    }
}
