package dev.tasks.api.web;

import dev.tasks.api.problem.FieldProblem;
import dev.tasks.api.problem.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object body read field by field, so that every problem is collected and reported in one
 * 422 (binding straight to a record stops at the first wrong type), and so that a field left out
 * can be told from a field sent as {@code null}. Types are exact: {@code "true"} is not a boolean,
 * {@code 1} is not a string. Fields not in the list are refused rather than silently ignored.
 */
public final class JsonBody {

    /** The name a problem with the body as a whole is reported under. */
    public static final String BODY = "body";

    private final JsonNode object;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final List<FieldProblem> unknown = new ArrayList<>();

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    /**
     * Reads {@code body}, which must be a JSON object whose fields are among {@code fields}. Valid
     * JSON of another kind (an array, a string, a number, a boolean, {@code null}) is a validation
     * failure, 422 (SPEC 1.3); only malformed JSON is a 400, and Spring answers that before here.
     */
    public static JsonBody of(JsonNode body, List<String> fields) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException(BODY, "must be a JSON object, was " + kind(body));
        }
        JsonBody read = new JsonBody(body);
        for (String name : body.propertyNames()) {
            if (!fields.contains(name)) {
                read.unknown.add(new FieldProblem(
                        name,
                        "is not a known field; allowed: "
                                + String.join(", ", fields.stream().sorted().toList())));
            }
        }
        return read;
    }

    private static String kind(JsonNode body) {
        if (body == null || body.isNull()) {
            return "null";
        }
        if (body.isArray()) {
            return "an array";
        }
        if (body.isString()) {
            return "a string";
        }
        if (body.isNumber()) {
            return "a number";
        }
        return body.isBoolean() ? "a boolean" : "not an object";
    }

    /** Whether the field was sent at all (possibly as {@code null}). */
    public boolean has(String field) {
        return object.has(field);
    }

    /** The text of a string field; {@code null} when absent, null, or of another type (then a problem is noted). */
    public String string(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problem(field, "must be a string");
            return null;
        }
        return value.stringValue();
    }

    /** The value of a boolean field; {@code null} when absent, null, or of another type (then a problem is noted). */
    public Boolean bool(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            problem(field, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /** The value of a whole-number field; {@code null} when absent, null, or of another type (then a problem is noted). */
    public Long integer(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(field, "must be a whole number");
            return null;
        }
        return value.longValue();
    }

    /** The strings of an array field; {@code null} when absent, null, or of another shape (then a problem is noted). */
    public List<String> strings(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isString()) {
                    break;
                }
                strings.add(item.stringValue());
            }
        }
        if (!value.isArray() || strings.size() != value.size()) {
            problem(field, "must be an array of strings");
            return null;
        }
        return strings;
    }

    /** Whether the field is present with a JSON {@code null}. */
    public boolean isNull(String field) {
        return object.has(field) && object.get(field).isNull();
    }

    public void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /** Whether a problem has been noted for {@code field} (e.g. a wrong type: skip its other rules). */
    public boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /** Throws a 422 listing every problem noted, the known fields' first, then unknown fields. */
    public void requireValid() {
        if (!problems.isEmpty() || !unknown.isEmpty()) {
            List<FieldProblem> all = new ArrayList<>(problems);
            all.addAll(unknown);
            throw new InvalidRequestException(all);
        }
    }
}
