package dev.tasks.api.transfer;

import java.util.List;

/**
 * A file read and checked, nothing written yet.
 *
 * @param lists       list names the file declares besides those its tasks use (JSON: empty lists too)
 * @param ignoredRows rows that are not tasks and are left out (Todoist's notes and meta rows)
 * @param datesKept   tasks whose date could not be read as a date, kept as text in the description (Todoist)
 */
record ImportFile(ImportFormat format, List<String> lists, List<ImportRow> rows, int ignoredRows, int datesKept) {}
