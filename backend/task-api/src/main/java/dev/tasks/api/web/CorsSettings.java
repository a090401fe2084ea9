package dev.tasks.api.web;

import dev.tasks.api.config.Env;
import dev.tasks.api.config.InvalidSettingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** The browser origins allowed to call the API with credentials ({@code CORS_ORIGINS}). */
public record CorsSettings(List<String> origins) {

    static final String VARIABLE = "CORS_ORIGINS";

    public static CorsSettings from(Env env) {
        return new CorsSettings(env.list(VARIABLE, "http://localhost:3000").stream()
                .map(CorsSettings::origin)
                .toList());
    }

    /** An origin is scheme://host[:port], exactly what a browser sends in {@code Origin}. */
    private static String origin(String text) {
        if (text.equals("*")) {
            throw new InvalidSettingException(
                    VARIABLE,
                    VARIABLE + " cannot be '*': credentials are allowed, so list the"
                            + " origins, e.g. https://tasks.example.com,http://localhost:3000");
        }
        String value = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        try {
            URI uri = new URI(value);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (http
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidSettingException(
                VARIABLE,
                VARIABLE + " must be a comma-separated list of origins like"
                        + " https://tasks.example.com or http://localhost:3000 (no path), got '" + Env.printable(text)
                        + "'");
    }
}
