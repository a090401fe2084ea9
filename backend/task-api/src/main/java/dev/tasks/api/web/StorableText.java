package dev.tasks.api.web;

/** Text PostgreSQL can store: the rule every feature's text fields share. */
public final class StorableText {

    private StorableText() {}

    /**
     * PostgreSQL text cannot hold U+0000, and a lone surrogate has no UTF-8 form: either would fail
     * in the database as a 500, so it is a 422 where it is read.
     */
    public static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
