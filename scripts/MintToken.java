import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Development tool: prints an HS256 JWT for a user id, signed with BETTER_AUTH_SECRET, that the
 * task API accepts when it runs with the same secret. Real clients get their tokens from Better
 * Auth (EdDSA, verified through JWKS); this is for curl walk-throughs, scripts and benchmarks.
 *
 * Run it with `scripts/mint-token <user-id> [--email E] [--name N] [--ttl 15m] [--sid S]` (no build needed).
 * With --sid the token names that Better Auth session (the sid claim), so the API's session check
 * (BETTER_AUTH_SESSION_CHECK) looks it up: it must be a row of Better Auth's session table.
 * The secret and BETTER_AUTH_URL come from the environment, else from .data/secrets.env.
 */
public class MintToken {

    public static void main(String[] args) throws Exception {
        String userId = null;
        String email = null;
        String name = null;
        String sid = null;
        long ttlSeconds = 15 * 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--email" -> email = value(args, ++i, "--email");
                case "--name" -> name = value(args, ++i, "--name");
                case "--ttl" -> ttlSeconds = duration(value(args, ++i, "--ttl"));
                case "--sid" -> sid = value(args, ++i, "--sid");
                case "-h", "--help" -> usage(0);
                default -> {
                    if (args[i].startsWith("--") || userId != null) {
                        fail("unexpected argument '" + args[i] + "'");
                    }
                    userId = args[i];
                }
            }
        }
        if (userId == null || userId.isBlank()) {
            usage(2);
        }
        if (sid != null && sid.isBlank()) {
            fail("--sid needs a session id (the id column of Better Auth's session table)");
        }
        Map<String, String> settings = settings();
        String secret = settings.get("BETTER_AUTH_SECRET");
        if (secret == null || secret.isBlank()) {
            fail("BETTER_AUTH_SECRET is not set (neither in the environment nor in .data/secrets.env)."
                    + " Start the API with the same secret to make it accept these tokens.");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            fail("BETTER_AUTH_SECRET must be at least 32 characters (the API refuses shorter secrets).");
        }
        String issuer = settings.getOrDefault("BETTER_AUTH_URL", "http://localhost:3000").strip();
        while (issuer.endsWith("/")) {
            issuer = issuer.substring(0, issuer.length() - 1);
        }
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", userId);
        claims.put("id", userId);
        if (email != null) {
            claims.put("email", email);
        }
        if (name != null) {
            claims.put("name", name);
        }
        if (sid != null) {
            claims.put("sid", sid);
        }
        claims.put("iss", issuer);
        claims.put("aud", issuer);
        claims.put("iat", now);
        claims.put("exp", now + ttlSeconds);

        String header = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = base64Url(json(claims));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        System.out.println(header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
    }

    /** The environment wins over .data/secrets.env (KEY=VALUE lines, as run.sh writes them). */
    private static Map<String, String> settings() throws Exception {
        Map<String, String> settings = new HashMap<>();
        String dataDir = System.getenv().getOrDefault("TASKS_DATA_DIR", ".data");
        for (Path file : new Path[] {Path.of(dataDir, "secrets.env"), repoRoot().resolve(".data/secrets.env")}) {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.strip();
                    if (trimmed.startsWith("export ")) {
                        trimmed = trimmed.substring("export ".length()).strip();
                    }
                    int eq = trimmed.indexOf('=');
                    if (trimmed.startsWith("#") || eq <= 0) {
                        continue;
                    }
                    String value = trimmed.substring(eq + 1).strip();
                    if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                        value = value.substring(1, value.length() - 1);
                    }
                    settings.putIfAbsent(trimmed.substring(0, eq).strip(), value);
                }
                break;
            }
        }
        for (String key : new String[] {"BETTER_AUTH_SECRET", "BETTER_AUTH_URL"}) {
            String value = System.getenv(key);
            if (value != null && !value.isBlank()) {
                settings.put(key, value);
            }
        }
        return settings;
    }

    private static Path repoRoot() {
        String script = System.getProperty("mint.root");
        return script == null ? Path.of(".") : Path.of(script);
    }

    private static long duration(String text) {
        try {
            long amount = Long.parseLong(text.replaceAll("[smhd]$", ""));
            long seconds = switch (text.charAt(text.length() - 1)) {
                case 'm' -> amount * 60;
                case 'h' -> amount * 3600;
                case 'd' -> amount * 86400;
                default -> amount;
            };
            if (seconds > 0) {
                return seconds;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        fail("--ttl must be a positive duration such as 900, 15m, 2h or 1d, got '" + text + "'");
        return 0;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            fail(option + " needs a value");
        }
        return args[i];
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Map<String, Object> claims) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> claim : claims.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(string(claim.getKey())).append(':');
            out.append(claim.getValue() instanceof String text ? string(text) : claim.getValue().toString());
        }
        return out.append('}').toString();
    }

    private static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void usage(int status) {
        System.err.println("""
                usage: scripts/mint-token <user-id> [--email EMAIL] [--name NAME] [--ttl 15m] [--sid SESSION_ID]
                Prints an HS256 token for the task API (development only). --sid names a Better Auth
                session (a row of its session table) for the API's session check. Needs BETTER_AUTH_SECRET
                (environment or .data/secrets.env); iss/aud = BETTER_AUTH_URL (default http://localhost:3000).""");
        System.exit(status);
    }

    private static void fail(String message) {
        System.err.println("mint-token: " + message);
        System.exit(2);
    }
}
