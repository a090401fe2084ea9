package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.github.betterauthjava.jwt.ApiKeyCheckSettings;
import io.github.betterauthjava.jwt.BetterAuthSettings;
import io.github.betterauthjava.jwt.MembershipCheckSettings;
import io.github.betterauthjava.jwt.SessionCheckSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

/**
 * What an adopter's IDE shows for better-auth.*: the generated
 * META-INF/spring-configuration-metadata.json (the processor merges
 * additional-spring-configuration-metadata.json into it) describes every property with its
 * default, in plain text, and the defaults it shows are the core's.
 */
class ConfigurationMetadataTest {

    /** Unset by default, and unset means something the description says ("Unset ..."). */
    private static final Set<String> UNSET_BY_DEFAULT =
            Set.of("better-auth.jwks-url", "better-auth.hs256-secret", "better-auth.authorities.claim");

    private static String metadata() throws IOException {
        try (InputStream in =
                ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Map<String, Object>> properties() throws IOException {
        List<Map<String, Object>> list = JsonPath.read(metadata(), "$.properties[*]");
        Map<String, Map<String, Object>> byName = new TreeMap<>();
        list.forEach(p -> byName.put((String) p.get("name"), p));
        return byName;
    }

    @Test
    void everyPropertyHasAPlainDescriptionAndItsDefault() throws IOException {
        Map<String, Map<String, Object>> properties = properties();
        assertThat(properties.keySet())
                .contains(
                        "better-auth.url",
                        "better-auth.jwks-url",
                        "better-auth.hs256-secret",
                        "better-auth.clock-skew",
                        "better-auth.jwks-timeout",
                        "better-auth.jwks-min-refetch-interval",
                        "better-auth.jwks-max-age",
                        "better-auth.jwks-max-bytes",
                        "better-auth.max-token-length",
                        "better-auth.token-cache-size",
                        "better-auth.ed25519",
                        "better-auth.ignore-invalid-tokens-on",
                        "better-auth.session-check",
                        "better-auth.session-cache-ttl",
                        "better-auth.session-cache-size",
                        "better-auth.session-table",
                        "better-auth.authorities.claim",
                        "better-auth.authorities.prefix",
                        "better-auth.member-check",
                        "better-auth.member-cache-ttl",
                        "better-auth.member-cache-size",
                        "better-auth.member-table",
                        "better-auth.member-authority-prefix",
                        "better-auth.api-keys.enabled",
                        "better-auth.api-keys.header",
                        "better-auth.api-keys.table",
                        "better-auth.api-keys.user-table",
                        "better-auth.api-keys.config-id",
                        "better-auth.api-keys.cache-ttl",
                        "better-auth.api-keys.cache-size",
                        "better-auth.api-keys.max-key-length");
        properties.forEach((name, property) -> {
            String description = (String) property.get("description");
            assertThat(description).as(name + " description").isNotBlank().doesNotContain("{@");
            if (UNSET_BY_DEFAULT.contains(name)) {
                assertThat(property).as(name).doesNotContainKey("defaultValue");
                assertThat(description).as(name + " says what unset means").contains("Unset");
            } else {
                assertThat(property).as(name + " defaultValue").containsKey("defaultValue");
            }
        });
        assertThat(metadata()).doesNotContain("{@code").doesNotContain("{@link");
    }

    @Test
    void theDefaultsShownAreTheCoresDefaults() throws IOException {
        Map<String, Map<String, Object>> properties = properties();
        BetterAuthSettings core = BetterAuthSettings.builder(null).build();
        assertThat(defaultOf(properties, "url")).isEqualTo(core.url());
        assertThat(duration(properties, "clock-skew")).isEqualTo(core.clockSkew());
        assertThat(duration(properties, "jwks-timeout")).isEqualTo(core.jwksTimeout());
        assertThat(duration(properties, "jwks-min-refetch-interval")).isEqualTo(core.jwksMinRefetchInterval());
        assertThat(duration(properties, "jwks-max-age")).isEqualTo(core.jwksMaxAge());
        assertThat(((Number) defaultOf(properties, "jwks-max-bytes")).intValue())
                .isEqualTo(core.jwksMaxBytes());
        assertThat(((Number) defaultOf(properties, "max-token-length")).intValue())
                .isEqualTo(core.maxTokenLength());
        assertThat(((Number) defaultOf(properties, "token-cache-size")).longValue())
                .isEqualTo(core.tokenCacheSize());
        assertThat(defaultOf(properties, "ed25519"))
                .isEqualTo(core.ed25519().name().toLowerCase());
        assertThat(defaultOf(properties, "ignore-invalid-tokens-on")).asList().isEmpty();

        SessionCheckProperties sessions = new SessionCheckProperties(null, null, 10_000, null);
        assertThat(defaultOf(properties, "session-check")).isEqualTo(sessions.sessionCheck());
        assertThat(duration(properties, "session-cache-ttl")).isEqualTo(SessionCheckSettings.MAX_CACHE_TTL);
        assertThat(defaultOf(properties, "session-table")).isEqualTo(SessionCheckProperties.DEFAULT_TABLE);
        assertThat(defaultOf(properties, "authorities.prefix"))
                .isEqualTo(new AuthoritiesProperties(null, null).prefix());

        MembershipCheckProperties members = new MembershipCheckProperties(null, null, 10_000, null, null);
        assertThat(defaultOf(properties, "member-check")).isEqualTo(members.memberCheck());
        assertThat(duration(properties, "member-cache-ttl")).isEqualTo(MembershipCheckSettings.MAX_CACHE_TTL);
        assertThat(defaultOf(properties, "member-table")).isEqualTo(members.memberTable());
        assertThat(defaultOf(properties, "member-authority-prefix")).isEqualTo(members.memberAuthorityPrefix());

        ApiKeyProperties keys = new ApiKeyProperties(false, null, null, null, null, null, 10_000, 256);
        ApiKeyCheckSettings keyDefaults = ApiKeyCheckSettings.defaults();
        assertThat(defaultOf(properties, "api-keys.enabled")).isEqualTo(false);
        assertThat(defaultOf(properties, "api-keys.header")).isEqualTo(keys.header());
        assertThat(defaultOf(properties, "api-keys.table")).isEqualTo(keys.table());
        assertThat(defaultOf(properties, "api-keys.user-table")).isEqualTo(keys.userTable());
        assertThat(defaultOf(properties, "api-keys.config-id")).isEqualTo(keys.configId());
        assertThat(duration(properties, "api-keys.cache-ttl")).isEqualTo(keyDefaults.cacheTtl());
        assertThat(((Number) defaultOf(properties, "api-keys.cache-size")).longValue())
                .isEqualTo(keyDefaults.cacheSize());
        assertThat(((Number) defaultOf(properties, "api-keys.max-key-length")).intValue())
                .isEqualTo(keyDefaults.maxKeyLength());
    }

    @Test
    void sessionCheckAndEd25519OfferTheirValues() throws IOException {
        String metadata = metadata();
        List<String> sessionCheck =
                JsonPath.read(metadata, "$.hints[?(@.name == 'better-auth.session-check')].values[*].value");
        assertThat(sessionCheck).containsExactly("off", "if-present", "required");
        List<String> ed25519 = JsonPath.read(metadata, "$.hints[?(@.name == 'better-auth.ed25519')].values[*].value");
        assertThat(ed25519).containsExactly("auto", "jdk");
        List<String> memberCheck =
                JsonPath.read(metadata, "$.hints[?(@.name == 'better-auth.member-check')].values[*].value");
        assertThat(memberCheck).containsExactly("off", "on");
    }

    private static Object defaultOf(Map<String, Map<String, Object>> properties, String name) {
        return properties.get("better-auth." + name).get("defaultValue");
    }

    private static java.time.Duration duration(Map<String, Map<String, Object>> properties, String name) {
        return DurationStyle.detectAndParse((String) defaultOf(properties, name));
    }
}
