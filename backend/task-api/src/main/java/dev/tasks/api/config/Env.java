package dev.tasks.api.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Typed reads of the environment variables the API is configured by. Every parse failure is an
 * {@link InvalidSettingException} naming the variable, so start-up stops with one clear line.
 *
 * <p>{@code main} reads the process environment; Spring tests read their context's
 * {@code Environment} ({@link #of(ConfigurableEnvironment)}: properties of the same name);
 * {@link #of(Map)} serves unit tests.
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

    /**
     * Reads each variable from Spring's property sources in precedence order, without resolving
     * {@code ${…}} placeholders: a password such as {@code pa${ss} } must arrive as written.
     */
    public static Env of(ConfigurableEnvironment environment) {
        return new Env(name -> environment.getPropertySources().stream()
                .map(source -> rawValue(source, name))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null));
    }

    private static String rawValue(PropertySource<?> source, String name) {
        Object value = source.getProperty(name);
        return value == null ? null : value.toString();
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
