package dev.tasks.api.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reads of the environment variables the API is configured by. Every parse failure is an
 * {@link InvalidSettingException} naming the variable, so start-up stops with one clear line.
 *
 * <p>In the application the lookup is Spring's {@code Environment} (real environment variables,
 * or properties of the same name in tests); {@link #of(Map)} serves unit tests and the pre-flight
 * check in {@code main}.
 */
public final class Env {

    private final Function<String, String> lookup;

    private Env(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public static Env of(Function<String, String> lookup) {
        return new Env(lookup);
    }

    public static Env of(Map<String, String> values) {
        return new Env(values::get);
    }

    /** The value, or empty when unset or blank (an empty variable means "use the default"). */
    public Optional<String> text(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String text(String name, String byDefault) {
        return text(name).orElse(byDefault);
    }

    /** A whole number in {@code [min, max]}. */
    public int integer(String name, int byDefault, int min, int max) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return byDefault;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw new InvalidSettingException(
                name,
                name + " must be a whole number from " + min + " to " + max + ", was '" + printable(raw.get()) + "'");
    }

    /** A comma-separated list, items trimmed, empty items dropped. */
    public List<String> list(String name, String byDefault) {
        return Arrays.stream(text(name, byDefault).split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    /** Shortens a value for an error message and drops control characters (log injection). */
    public static String printable(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 77) + "...";
    }
}
