package dev.tasks.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;

/** The headers every API response carries, whatever its status and whoever wrote it. */
public final class SecurityHeaders {

    private SecurityHeaders() {}

    public static void assertPresent(Response response, String what) {
        assertThat(response.header("X-Content-Type-Options")).as(what).contains("nosniff");
        assertThat(response.header("Cache-Control"))
                .as(what)
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(response.header("X-Frame-Options")).as(what).contains("DENY");
        assertThat(response.header("X-Request-Id")).as(what).isPresent();
    }
}
