package dev.tasks.api.transfer;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The records of a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks), each
 * with the line it starts on, read by Jackson's CSV module. Blank lines are skipped. A quoted field
 * never closed is a 422 naming the line its record starts on.
 */
final class CsvRecords {

    /** One record: its fields as written, and its first line in the file. */
    record Line(long number, List<String> fields) {}

    private static final CsvMapper CSV =
            CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    private CsvRecords() {}

    /** At most {@link TransferLimits#MAX_RECORDS} records; more is a 413. */
    static List<Line> read(String text) {
        List<Line> lines = new ArrayList<>();
        long start = 1;
        try (MappingIterator<String[]> records =
                CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(text)) {
            while (true) {
                start = records.parser().currentLocation().getLineNr();
                if (!records.hasNextValue()) {
                    break;
                }
                String[] fields = records.nextValue();
                if (fields.length == 0 || (fields.length == 1 && fields[0].isBlank())) {
                    continue;
                }
                if (lines.size() == TransferLimits.MAX_RECORDS) {
                    throw TransferLimits.tooManyTasks();
                }
                lines.add(new Line(start, List.of(fields)));
            }
        } catch (JacksonException e) {
            String message = e.getOriginalMessage() == null ? "is not valid CSV" : e.getOriginalMessage();
            throw ImportProblem.at(
                    Math.max(start, 1),
                    "csv",
                    message.toLowerCase(java.util.Locale.ROOT).contains("quote")
                            ? "has a quoted value that is never closed (\"…\")"
                            : "is not valid CSV: " + message);
        }
        return lines;
    }
}
