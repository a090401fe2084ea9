package dev.tasks.api.transfer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of file an import reads, named as in {@code ?format=}. */
enum ImportFormat {
    /** This API's own export ({@code GET …/export}), the lossless one. */
    JSON("json"),
    /** Todoist's CSV export of a project (TYPE, CONTENT, DESCRIPTION, PRIORITY, …, DATE, …). */
    TODOIST_CSV("todoist-csv"),
    /** A CSV with a header naming some of {@link GenericCsv#COLUMNS}: also what {@code …/export.csv} writes. */
    CSV("csv");

    final String id;

    ImportFormat(String id) {
        this.id = id;
    }

    static final String NAMES = Arrays.stream(values()).map(format -> format.id).collect(Collectors.joining(", "));

    static Optional<ImportFormat> named(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(format -> format.id.equals(wanted))
                .findFirst();
    }

    /**
     * The format of a file sent without {@code ?format=}: a JSON object, Todoist's header (it starts
     * TYPE,CONTENT), or else a generic CSV.
     */
    static ImportFormat detect(String text) {
        String start = text.stripLeading();
        if (start.startsWith("{")) {
            return JSON;
        }
        String header = start.lines().findFirst().orElse("").toUpperCase(Locale.ROOT);
        return header.replace("\"", "").startsWith("TYPE,CONTENT") ? TODOIST_CSV : CSV;
    }
}
