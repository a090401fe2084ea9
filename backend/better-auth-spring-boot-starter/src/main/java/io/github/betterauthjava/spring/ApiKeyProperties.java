package io.github.betterauthjava.spring;

import io.github.betterauthjava.jwt.ApiKeyCheckSettings;
import io.github.betterauthjava.jwt.JdbcBetterAuthApiKeys;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Better Auth API keys (api-key plugin) as a second credential ({@code better-auth.api-keys.*}).
 * Checked at start-up: a bad value stops the application with a message naming it.
 *
 * @param enabled      off by default; on, a request carrying {@code header} is authenticated as the
 *                     key's owner (Better Auth's apikey table read through the application's DataSource)
 * @param header       the request header holding the key; Better Auth's default {@code x-api-key}
 * @param table        Better Auth's API key table, optionally schema-qualified
 * @param userTable    Better Auth's user table: a key whose owner is gone is refused
 * @param configId     the plugin configuration whose keys are accepted (it must reference users)
 * @param cacheTtl     how long a looked-up key is remembered: the longest a revoked key keeps working; at most 5 s
 * @param cacheSize    how many keys are remembered at most
 * @param maxKeyLength longer keys are refused without a query
 */
@ConfigurationProperties("better-auth.api-keys")
public record ApiKeyProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue(DEFAULT_HEADER) String header,
        @DefaultValue(JdbcBetterAuthApiKeys.DEFAULT_TABLE) String table,

        @DefaultValue(JdbcBetterAuthApiKeys.DEFAULT_USER_TABLE)
        String userTable,

        @DefaultValue(JdbcBetterAuthApiKeys.DEFAULT_CONFIG_ID)
        String configId,

        @DefaultValue("5s") Duration cacheTtl,
        @DefaultValue("10000") long cacheSize,
        @DefaultValue("256") int maxKeyLength) {

    /** Better Auth's api-key plugin reads its keys from this header unless told otherwise. */
    public static final String DEFAULT_HEADER = "x-api-key";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");

    /** Checked: the core decides tables and cache; the header must be an HTTP header name other than Authorization. */
    public ApiKeyProperties {
        header = header == null || header.isBlank() ? DEFAULT_HEADER : header.strip();
        if (!TOKEN.matcher(header).matches() || header.equalsIgnoreCase("authorization")) {
            throw new IllegalArgumentException(
                    "better-auth.api-keys.header must be an HTTP header name other than Authorization (such as "
                            + DEFAULT_HEADER + "), was '" + header.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        table = table == null || table.isBlank() ? JdbcBetterAuthApiKeys.DEFAULT_TABLE : table.strip();
        userTable =
                userTable == null || userTable.isBlank() ? JdbcBetterAuthApiKeys.DEFAULT_USER_TABLE : userTable.strip();
        configId = configId == null || configId.isBlank() ? JdbcBetterAuthApiKeys.DEFAULT_CONFIG_ID : configId.strip();
        JdbcBetterAuthApiKeys.quotedTable(table);
        new ApiKeyCheckSettings(cacheTtl, cacheSize, maxKeyLength);
    }

    /** These properties as the core's settings. */
    public ApiKeyCheckSettings settings() {
        return new ApiKeyCheckSettings(cacheTtl, cacheSize, maxKeyLength);
    }
}
