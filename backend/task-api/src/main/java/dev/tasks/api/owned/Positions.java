package dev.tasks.api.owned;

/**
 * Keys for a manual order (tasks in a list, lists themselves): strings compared bytewise (the
 * columns are {@code collate "C"}), over the 62 digits {@code 0-9A-Za-z} in ASCII order, never
 * ending in {@code 0}. A key between two others always exists, so moving one item writes one row
 * whatever the list's size (fractional indexing, as in Figma's and rocicorp's).
 *
 * <p>Appending, the common case, increments the key's first four digits (14 million appends before
 * a key grows); inserting between two neighbours takes a midpoint, which grows a key by about one
 * digit per six insertions at the same spot. Two writers that append at once may get the same key:
 * items with equal keys are ordered by id, and moving to between them still finds room after.
 */
public final class Positions {

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BASE = DIGITS.length();
    private static final int APPEND_DIGITS = 4;
    /** The first key of an empty list: the middle, so there is room on both sides. */
    static final String FIRST = "V";

    private Positions() {}

    /** A key after {@code last}, the greatest key of the list (null when the list is empty). */
    public static String after(String last) {
        if (last == null) {
            return FIRST;
        }
        char[] head = new char[APPEND_DIGITS];
        for (int i = 0; i < APPEND_DIGITS; i++) {
            head[i] = i < last.length() ? last.charAt(i) : '0';
        }
        for (int i = APPEND_DIGITS - 1; i >= 0; i--) {
            int digit = digit(head[i]);
            if (digit < BASE - 1) {
                head[i] = DIGITS.charAt(digit + 1);
                return stripZeros(new String(head, 0, i + 1));
            }
            head[i] = '0';
        }
        return midpoint(last, null); // the first four digits are all z: grow instead
    }

    /**
     * A key right after {@code previous} and before {@code next}; {@code previous} null means "first",
     * {@code next} null means "last". When the two are equal (two appends that raced), a key after
     * both: the item lands after them, as close as the keys allow.
     */
    public static String between(String previous, String next) {
        if (next == null) {
            return previous == null ? FIRST : after(previous);
        }
        String low = previous == null ? "" : previous;
        if (low.compareTo(next) >= 0) {
            return low + FIRST;
        }
        return midpoint(low, next);
    }

    /** A key strictly between {@code a} and {@code b} ({@code a < b}; "" is the lowest, null the highest). */
    static String midpoint(String a, String b) {
        if (b != null) {
            int n = 0;
            while (n < b.length() && (n < a.length() ? a.charAt(n) : '0') == b.charAt(n)) {
                n++;
            }
            if (n == b.length()) {
                throw new IllegalArgumentException("no key lies between " + a + " and " + b);
            }
            if (n > 0) {
                return b.substring(0, n) + midpoint(n < a.length() ? a.substring(n) : "", b.substring(n));
            }
        }
        int low = a.isEmpty() ? 0 : digit(a.charAt(0));
        int high = b == null ? BASE : digit(b.charAt(0));
        if (high - low > 1) {
            return String.valueOf(DIGITS.charAt((low + high) / 2));
        }
        if (b != null && b.length() > 1) {
            return b.substring(0, 1);
        }
        return DIGITS.charAt(low) + midpoint(a.isEmpty() ? "" : a.substring(1), null);
    }

    private static int digit(char c) {
        int digit = DIGITS.indexOf(c);
        if (digit < 0) {
            throw new IllegalArgumentException("not a position digit: " + c);
        }
        return digit;
    }

    private static String stripZeros(String key) {
        int end = key.length();
        while (end > 1 && key.charAt(end - 1) == '0') {
            end--;
        }
        return key.substring(0, end);
    }
}
