package dev.tasks.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.ApiTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web app's types are generated from a copy of /openapi.json kept in the frontend
 * (frontend/lib/tasks/openapi.json; its vitest checks the generated types against it). This test
 * keeps that copy the API's current document: a field, route or enum value changed here without
 * regenerating fails the build. {@code UPDATE_OPENAPI=1} writes the copy instead of comparing.
 */
class OpenApiDocumentTest extends ApiTest {

    static final Path FRONTEND_COPY = Path.of("../../frontend/lib/tasks/openapi.json");

    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The document without its servers entry: that names this test's random port. */
    private String currentDocument() {
        JsonNode doc = api().get("/openapi.json", null).json();
        ((ObjectNode) doc).remove("servers");
        return PRETTY.writeValueAsString(doc) + "\n";
    }

    @Test
    void theFrontendsCopyIsTheCurrentDocument() throws IOException {
        String current = currentDocument();
        if ("1".equals(System.getenv("UPDATE_OPENAPI"))) {
            Files.writeString(FRONTEND_COPY, current, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(FRONTEND_COPY))
                .as("%s exists (run this test with UPDATE_OPENAPI=1 to write it)", FRONTEND_COPY.toAbsolutePath())
                .isTrue();
        assertThat(Files.readString(FRONTEND_COPY, StandardCharsets.UTF_8))
                .as("frontend/lib/tasks/openapi.json is out of date: run this test with UPDATE_OPENAPI=1,"
                        + " then `npm run api-types` in frontend/, and commit both")
                .isEqualTo(current);
    }
}
