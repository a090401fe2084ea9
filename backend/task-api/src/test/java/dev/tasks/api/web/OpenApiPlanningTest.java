package dev.tasks.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** /openapi.json documents every SPEC 1.7 field, parameter and route; the sort values come from the Java enum. */
class OpenApiPlanningTest extends ApiTest {

    private JsonNode doc() {
        return api().get("/openapi.json", null).json();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }

    @Test
    void documentsThePlanningRoutes() {
        JsonNode paths = doc().get("paths");
        assertThat(paths.propertyNames())
                .contains(
                        "/api/{user_id}/tasks/{id}/move",
                        "/api/{user_id}/lists",
                        "/api/{user_id}/lists/{id}",
                        "/api/{user_id}/labels",
                        "/api/{user_id}/labels/{name}");
        assertThat(paths.get("/api/{user_id}/lists").propertyNames()).contains("get", "post");
        assertThat(paths.get("/api/{user_id}/lists/{id}").propertyNames()).contains("get", "put", "delete");
        assertThat(paths.get("/api/{user_id}/labels/{name}").propertyNames()).contains("put", "delete");
        assertThat(paths.get("/api/{user_id}/tasks/{id}/move")
                        .get("post")
                        .get("requestBody")
                        .toString())
                .contains("TaskMove");
    }

    @Test
    void documentsThePlanningFieldsOfTasksListsAndLabels() {
        JsonNode schemas = doc().get("components").get("schemas");
        assertThat(schemas.get("Task").get("properties").propertyNames())
                .contains(
                        "due_date",
                        "due_time",
                        "priority",
                        "list_id",
                        "labels",
                        "position",
                        "recurrence",
                        "completed_at")
                .as("what the server keeps for itself is not in the document")
                .doesNotContain("dueTimeOfDay", "recurrenceStart", "recurrence_start", "fields");
        assertThat(schemas.get("NewTask").get("properties").propertyNames())
                .contains("due_date", "due_time", "priority", "list_id", "labels", "recurrence")
                .doesNotContain("position", "completed_at");
        assertThat(schemas.get("TaskUpdate").get("properties").propertyNames())
                .contains("due_date", "due_time", "priority", "list_id", "labels", "recurrence");
        assertThat(schemas.get("List").get("properties").propertyNames())
                .contains("id", "name", "position", "task_count", "created_at", "updated_at");
        assertThat(schemas.get("Label").get("properties").propertyNames()).contains("name", "task_count");
    }

    @Test
    void documentsTheListQueryWithSortValuesFromTheEnum() {
        JsonNode parameters =
                doc().get("paths").get("/api/{user_id}/tasks").get("get").get("parameters");
        List<String> names = new ArrayList<>();
        JsonNode sort = null;
        for (JsonNode parameter : parameters) {
            names.add(parameter.get("name").asString());
            if (parameter.get("name").asString().equals("sort")) {
                sort = parameter;
            }
        }
        assertThat(names).contains("list_id", "label", "priority", "due_before", "due_after", "overdue", "tz");
        assertThat(texts(sort.get("schema").get("enum")))
                .containsExactly(
                        "created_at",
                        "-created_at",
                        "updated_at",
                        "-updated_at",
                        "title",
                        "-title",
                        "due_date",
                        "-due_date",
                        "priority",
                        "-priority",
                        "position");
    }
}
