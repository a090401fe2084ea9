package dev.tasks.api.transfer;

import java.util.List;

/**
 * One CSV value as written and read back. A value a spreadsheet would run as a formula (starting
 * with {@code = + - @}, a tab or a carriage return: OWASP's "CSV injection") is written with a
 * leading {@code '}, which spreadsheets show as text; reading takes that {@code '} off again, so an
 * export imports unchanged.
 */
final class CsvCells {

    private CsvCells() {}

    private static boolean formulaStart(String value, int at) {
        if (value.length() <= at) {
            return false;
        }
        char c = value.charAt(at);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    static String read(String value) {
        return value.startsWith("'") && formulaStart(value, 1) ? value.substring(1) : value;
    }

    /** The value as a CSV field: guarded, and quoted when it holds a comma, a quote, a line break or edge spaces. */
    static String write(String value) {
        if (value == null) {
            return "";
        }
        String guarded =
                formulaStart(value, 0) || (value.startsWith("'") && formulaStart(value, 1)) ? "'" + value : value;
        boolean quote = guarded.isEmpty()
                ? false
                : guarded.contains(",")
                        || guarded.contains("\"")
                        || guarded.contains("\n")
                        || guarded.contains("\r")
                        || Character.isWhitespace(guarded.charAt(0))
                        || Character.isWhitespace(guarded.charAt(guarded.length() - 1));
        return quote ? "\"" + guarded.replace("\"", "\"\"") + "\"" : guarded;
    }

    static String line(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(write(values.get(i)));
        }
        return line.append("\r\n").toString();
    }
}
