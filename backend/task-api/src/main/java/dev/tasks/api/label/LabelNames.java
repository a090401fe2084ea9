package dev.tasks.api.label;

import dev.tasks.api.web.StorableText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a label name is (SPEC 1.7): 1 to 40 characters (code points) once trimmed; names that
 * differ only in case are one label; a task has at most 20. The identity is decided in SQL
 * ({@code lower}, {@code tasks.label_keys(text[])} of migration V3) wherever stored labels are
 * compared; {@link #key} only collapses duplicates within one request.
 */
public final class LabelNames {

    public static final int MAX_LENGTH = 40;
    public static final int MAX_PER_TASK = 20;

    private LabelNames() {}

    /** The name trimmed, or an {@link IllegalArgumentException} saying what is wrong with it. */
    public static String name(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        if (!StorableText.storable(trimmed)) {
            throw new IllegalArgumentException("must not contain NUL characters or broken Unicode");
        }
        return trimmed;
    }

    /** A label's identity: names that differ only in case are one label. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * A task's labels, trimmed, one per identity (the spelling that comes first wins), at most
     * {@link #MAX_PER_TASK}; or an {@link IllegalArgumentException} naming what is wrong.
     */
    public static List<String> of(List<String> names) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name;
            try {
                name = name(names.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("label " + (i + 1) + " " + e.getMessage());
            }
            byKey.putIfAbsent(key(name), name);
        }
        if (byKey.size() > MAX_PER_TASK) {
            throw new IllegalArgumentException("must be at most " + MAX_PER_TASK + " labels, were " + byKey.size());
        }
        return new ArrayList<>(byKey.values());
    }
}
