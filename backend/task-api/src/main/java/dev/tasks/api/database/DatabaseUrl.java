package dev.tasks.api.database;

import dev.tasks.api.config.InvalidSettingException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where PostgreSQL is, as the JDBC driver wants it: a URL without credentials plus the user and
 * password apart (so the URL can be logged).
 *
 * <p>Accepts what hosting providers hand out ({@code postgresql://user:pass@host:5432/db?sslmode=require},
 * Neon, Heroku-style {@code postgres://}) and plain JDBC URLs. libpq parameter names that the JDBC
 * driver spells differently are translated, so a URL copied from a provider's dashboard works as is.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://…}, never holding a password
 * @param username the user, or {@code null} to let the driver use the URL's or its default
 * @param password the password, or {@code null}
 */
record DatabaseUrl(String jdbcUrl, String username, String password) {

    static final String VARIABLE = "DATABASE_URL";
    private static final String HINT = " It should look like postgresql://user:password@host:5432/database"
            + " (optionally ?sslmode=require) or jdbc:postgresql://host:5432/database.";

    /** libpq spellings (what provider dashboards print) to pgJDBC property names. */
    private static final Map<String, String> LIBPQ_TO_JDBC = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout",
            "channel_binding", "channelBinding",
            "sslnegotiation", "sslNegotiation",
            "target_session_attrs", "targetServerType");

    static DatabaseUrl parse(String raw) {
        String value = raw.strip();
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:") && !hasUserInfo(value.substring("jdbc:postgresql:".length()))) {
            // The driver's own syntax (multiple hosts, unix sockets, …): it parses it better than we could.
            return new DatabaseUrl(value, null, null);
        }
        String rest;
        if (lower.startsWith("jdbc:postgresql://")) {
            rest = value.substring("jdbc:postgresql://".length());
        } else if (lower.startsWith("postgresql://")) {
            rest = value.substring("postgresql://".length());
        } else if (lower.startsWith("postgres://")) {
            rest = value.substring("postgres://".length());
        } else {
            throw invalid("uses an unsupported scheme.");
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String database = slash >= 0 ? rest.substring(slash + 1) : "";
        String username = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            username = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
            if (username.isEmpty()) {
                username = null;
            }
        }
        if (authority.isEmpty() || authority.startsWith(":")) {
            throw invalid("has no host.");
        }
        if (!authority.matches(
                "(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.\\-_]+)(:\\d{1,5})?(,(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.\\-_]+)(:\\d{1,5})?)*")) {
            throw invalid("has an invalid host or port.");
        }
        if (database.contains("/")) {
            throw invalid("has an invalid database name.");
        }
        return new DatabaseUrl(
                "jdbc:postgresql://" + authority + "/" + database + jdbcQuery(query), username, password);
    }

    /** host:port/database, for log lines: no credentials. */
    String describe() {
        String withoutScheme = jdbcUrl.substring("jdbc:postgresql:".length());
        int q = withoutScheme.indexOf('?');
        return (q >= 0 ? withoutScheme.substring(0, q) : withoutScheme).replaceFirst("^//", "");
    }

    private static String jdbcQuery(String query) {
        if (query.isEmpty()) {
            return "";
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq >= 0 ? pair.substring(0, eq) : pair;
            String val = eq >= 0 ? pair.substring(eq + 1) : "";
            if (!key.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) {
                throw invalid("has an invalid query parameter name.");
            }
            parameters.put(LIBPQ_TO_JDBC.getOrDefault(key, key), translateValue(key, val));
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        parameters.forEach((key, val) -> joined.add(key + "=" + val));
        return joined.toString();
    }

    private static String translateValue(String key, String value) {
        if (!key.equals("target_session_attrs")) {
            return value;
        }
        // libpq's values for the same idea, in pgJDBC's vocabulary.
        return switch (value) {
            case "read-write", "primary" -> "primary";
            case "read-only", "standby" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            default -> "any";
        };
    }

    private static boolean hasUserInfo(String afterScheme) {
        if (!afterScheme.startsWith("//")) {
            return false;
        }
        String rest = afterScheme.substring(2);
        int end = rest.length();
        for (char stop : new char[] {'/', '?'}) {
            int i = rest.indexOf(stop);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return rest.substring(0, end).contains("@");
    }

    /** RFC 3986 percent-decoding; unlike URLDecoder a '+' stays a '+' (it is legal in passwords). */
    private static String decode(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw invalid("has a broken percent-encoding in the user or password.");
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw invalid("has a broken percent-encoding in the user or password.");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    bytes = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.writeBytes(bytes);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static InvalidSettingException invalid(String reason) {
        // Never echo the value: it may hold a password.
        return new InvalidSettingException(VARIABLE, VARIABLE + " " + reason + HINT);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username + ", password=" + (password == null ? "unset" : "***")
                + "]";
    }
}
