package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The configuration processor ran (it is named in annotationProcessorPaths), so IDEs complete better-auth.*. */
class ConfigurationMetadataTest {

    @Test
    void theJarDescribesEveryBetterAuthProperty() throws IOException {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String name : new String[] {
            "url",
            "jwks-url",
            "hs256-secret",
            "clock-skew",
            "jwks-timeout",
            "token-cache-size",
            "ed25519",
            "ignore-invalid-tokens-on",
            "session-check",
            "session-cache-ttl",
            "session-table",
            "authorities.claim",
            "authorities.prefix"
        }) {
            assertThat(metadata).contains("\"name\": \"better-auth." + name + "\"");
        }
    }
}
