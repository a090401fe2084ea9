package dev.tasks.api.problem;

/**
 * One thing wrong with one input field, as listed in a 422's {@code errors} array.
 *
 * @param field   the JSON field or query parameter, e.g. {@code title} or {@code limit}
 * @param message what is wrong with it, e.g. {@code must be at most 200 characters}
 */
public record FieldProblem(String field, String message) {}
