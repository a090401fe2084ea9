package dev.tasks.api.transfer;

import dev.tasks.api.task.TaskDraft;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * This API's export ({@link Export}) read back: {@code format_version} 1, {@code lists} (every one is
 * created, empty ones too) and {@code tasks}, each checked by the API's rules and named by the line
 * its object starts on. A task's {@code list} is its list's name; {@code id}, {@code completed_at}
 * and {@code created_at} are kept as the file says; the server's own fields ({@code list_id},
 * {@code position}, {@code updated_at}) are decided anew. Any other field is refused, so a typo is
 * not silently dropped.
 */
final class JsonFile {

    private static final Set<String> TOP =
            Set.of(Export.FORMAT, Export.FORMAT_VERSION, Export.EXPORTED_AT, Export.LISTS, Export.LABELS, Export.TASKS);
    private static final Set<String> SERVER_FIELDS =
            Set.of("id", "list", "list_id", "position", "completed_at", "created_at", "updated_at");

    private JsonFile() {}

    static ImportFile read(JsonMapper json, String text) {
        List<ImportRow> rows = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        boolean versioned = false;
        try (JsonParser parser = json.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ImportProblem.at(line(parser), "file", "must be a JSON object (this API's export)");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                long line = line(parser);
                parser.nextToken();
                if (!TOP.contains(name)) {
                    throw ImportProblem.at(
                            line, name, "is not a field of an export; allowed: " + String.join(", ", TOP));
                }
                switch (name) {
                    case Export.FORMAT_VERSION -> {
                        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
                                || parser.getLongValue() != Export.VERSION) {
                            throw ImportProblem.at(line, name, "must be " + Export.VERSION);
                        }
                        versioned = true;
                    }
                    case Export.LISTS -> readArray(parser, name, (at, node) -> lists.add(list(at, node)));
                    case Export.TASKS ->
                        readArray(parser, name, (at, node) -> {
                            if (rows.size() == TransferLimits.MAX_TASKS) {
                                throw TransferLimits.tooManyTasks();
                            }
                            rows.add(task(at, node));
                        });
                    default -> parser.skipChildren(); // format, exported_at, labels: informative only
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw ImportProblem.at(line(parser), "file", "has something after the export's object");
            }
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ImportProblem.at(Math.max(line, 1), "json", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (!versioned) {
            throw ImportProblem.file("has no format_version: is it this app's export (Download my data)?");
        }
        return new ImportFile(ImportFormat.JSON, lists, rows, 0, 0);
    }

    private interface Element {
        void accept(long line, JsonNode node);
    }

    private static void readArray(JsonParser parser, String name, Element element) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw ImportProblem.at(line(parser), name, "must be an array");
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            long line = line(parser);
            element.accept(line, parser.readValueAsTree());
        }
    }

    private static long line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String list(long line, JsonNode node) {
        JsonNode name = node.isObject() ? node.get("name") : null;
        if (name == null || !name.isString()) {
            throw ImportProblem.at(line, "lists", "each list must be an object with a name");
        }
        return Drafts.listName(line, "name", name.asString());
    }

    private static ImportRow task(long line, JsonNode node) {
        if (!node.isObject()) {
            throw ImportProblem.at(line, "task", "must be a JSON object");
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (String name : node.propertyNames()) {
            if (TaskDraft.FIELDS.contains(name)) {
                fields.set(name, node.get(name));
            } else if (!SERVER_FIELDS.contains(name)) {
                throw ImportProblem.at(line, name, "is not a field of an exported task");
            }
        }
        TaskDraft draft = Drafts.read(line, fields);
        JsonNode list = node.get("list");
        if (list != null && !list.isNull() && !list.isString()) {
            throw ImportProblem.at(line, "list", "must be a list's name or null");
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isNull() && !id.canConvertToLong()) {
            throw ImportProblem.at(line, "id", "must be an integer");
        }
        return new ImportRow(
                line,
                draft,
                list == null || list.isNull() ? null : Drafts.listName(line, "list", list.asString()),
                id == null || id.isNull() ? null : id.asLong(),
                instant(line, node, "completed_at"),
                instant(line, node, "created_at"));
    }

    private static Instant instant(long line, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isString()) {
                return Instant.parse(value.asString());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ImportProblem.at(line, field, "must be an ISO-8601 UTC time, e.g. 2026-01-31T09:30:00Z");
    }
}
