package dev.tasks.api.transfer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tasks.api.label.LabelNames;
import dev.tasks.api.owned.Owner;
import dev.tasks.api.task.TaskDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything an owner has, as one document ({@code GET …/export}): the lists in their order, the
 * labels, and the tasks with every SPEC 1.7 field, Inbox first then list by list, each in its manual
 * order (so an import appends them in the same order). A task names its list by name as well as id:
 * ids mean nothing in another account. Read in one statement each, in one read-only transaction's
 * snapshot (the controller's), so lists and tasks agree, and written out row by row: the owner's size
 * costs no heap ({@link ExportFile} keeps the result).
 */
@Component
class Export {

    static final String FORMAT = "format",
            FORMAT_VERSION = "format_version",
            EXPORTED_AT = "exported_at",
            LISTS = "lists",
            LABELS = "labels",
            TASKS = "tasks";
    static final String FORMAT_NAME = "tasks-export";
    static final int VERSION = 1;

    @JsonPropertyOrder({FORMAT, FORMAT_VERSION, EXPORTED_AT, LISTS, LABELS, TASKS})
    @Schema(
            name = "Export",
            requiredProperties = {FORMAT, FORMAT_VERSION, EXPORTED_AT, LISTS, LABELS, TASKS})
    record Document(
            @Schema(allowableValues = FORMAT_NAME) String format,

            @JsonProperty(FORMAT_VERSION) @Schema(allowableValues = "1")
            int formatVersion,

            @JsonProperty(EXPORTED_AT) Instant exportedAt,
            List<ListEntry> lists,

            @Schema(description = "every label the tasks use, in their spelling")
            List<String> labels,

            List<TaskEntry> tasks) {}

    @JsonPropertyOrder({"id", "name", "position", "created_at", "updated_at"})
    @Schema(
            name = "ExportList",
            requiredProperties = {"id", "name", "position", "created_at", "updated_at"})
    record ListEntry(
            long id,
            String name,
            String position,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {}

    @JsonPropertyOrder({
        "id",
        "title",
        "description",
        "completed",
        "completed_at",
        "due_date",
        "due_time",
        "priority",
        "list_id",
        "list",
        "labels",
        "position",
        "recurrence",
        "created_at",
        "updated_at"
    })
    @Schema(
            name = "ExportTask",
            requiredProperties = {
                "id",
                "title",
                "description",
                "completed",
                "completed_at",
                "due_date",
                "due_time",
                "priority",
                "list_id",
                "list",
                "labels",
                "position",
                "recurrence",
                "created_at",
                "updated_at"
            })
    record TaskEntry(
            long id,
            String title,
            @Schema(nullable = true) String description,
            boolean completed,

            @JsonProperty("completed_at") @Schema(nullable = true)
            Instant completedAt,

            @JsonProperty("due_date") @Schema(nullable = true, type = "string", format = "date")
            LocalDate dueDate,

            @JsonProperty("due_time") @Schema(nullable = true, description = "HH:MM")
            String dueTime,

            @Schema(minimum = "0", maximum = "3") int priority,

            @JsonProperty("list_id") @Schema(nullable = true, description = "null: the Inbox")
            Long listId,

            @Schema(nullable = true, description = "the list's name; null: the Inbox")
            String list,

            List<String> labels,
            String position,
            @Schema(nullable = true) String recurrence,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {}

    /** Inbox first, then list by list in the lists' order, each in its manual order. */
    private static final String TASK_ORDER = " order by t.list_id is not null, l.position, l.id, t.position, t.id";

    /** Rows fetched from PostgreSQL at a time: without it the driver reads the whole result into memory. */
    private static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;

    Export(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The document as JSON, compact but one list and one task a line: a 10,000-task export stays well
     * under the import's 5 MiB (pretty-printed it was 4.7 MB in bench/import.sh), and an import's
     * message still names a useful line. Written row by row as PostgreSQL sends them; the caller's
     * transaction is the snapshot that makes lists, labels and tasks agree.
     */
    void writeJson(Owner owner, JsonMapper json, OutputStream out) throws IOException {
        out.write(("{\"" + FORMAT + "\":" + json.writeValueAsString(FORMAT_NAME)
                        + ",\"" + FORMAT_VERSION + "\":" + VERSION
                        + ",\"" + EXPORTED_AT + "\":" + json.writeValueAsString(Instant.now())
                        + ",\n\"" + LISTS + "\":[")
                .getBytes(StandardCharsets.UTF_8));
        Lines lists = new Lines(json, out);
        jdbc.sql("select id, name, position, created_at, updated_at from tasks.lists where " + owner.column()
                        + " = :owner order by position, id")
                .param("owner", owner.id())
                .query((RowCallbackHandler) row -> lists.add(new ListEntry(
                        row.getLong("id"),
                        row.getString("name"),
                        row.getString("position"),
                        instant(row, "created_at"),
                        instant(row, "updated_at"))));
        lists.close();
        out.write(("],\n\"" + LABELS + "\":" + json.writeValueAsString(labels(owner)) + ",\n\"" + TASKS + "\":[")
                .getBytes(StandardCharsets.UTF_8));
        Lines tasks = new Lines(json, out);
        eachTask(owner, tasks::add);
        tasks.close();
        out.write("]}\n".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Every label the tasks use, once per name whatever its case ({@link LabelNames#key}), in the
     * spelling of its first task in export order, sorted. Read before the tasks because the document
     * lists them first; only the labels column travels.
     */
    private List<String> labels(Owner owner) {
        Map<String, String> labels = new LinkedHashMap<>();
        jdbc.sql("select t.labels from tasks.tasks t left join tasks.lists l on l.id = t.list_id where t."
                        + owner.column() + " = :owner" + TASK_ORDER)
                .param("owner", owner.id())
                .withFetchSize(FETCH_SIZE)
                .query((RowCallbackHandler) row -> {
                    for (String label : (String[]) row.getArray("labels").getArray()) {
                        labels.putIfAbsent(LabelNames.key(label), label);
                    }
                });
        List<String> names = new ArrayList<>(labels.values());
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    /** The columns of {@code …/export.csv}: those {@link GenericCsv} reads, so it imports back. */
    static final List<String> CSV_COLUMNS = GenericCsv.COLUMNS;

    /** The tasks as CSV (RFC 4180, CRLF line ends, UTF-8): a header of {@link #CSV_COLUMNS}, then a task a line. */
    void writeCsv(Owner owner, OutputStream out) throws IOException {
        out.write(CsvCells.line(CSV_COLUMNS).getBytes(StandardCharsets.UTF_8));
        eachTask(
                owner,
                task -> out.write(CsvCells.line(List.of(
                                task.title(),
                                nullToEmpty(task.description()),
                                task.dueDate() == null ? "" : task.dueDate().toString(),
                                nullToEmpty(task.dueTime()),
                                Integer.toString(task.priority()),
                                nullToEmpty(task.list()),
                                String.join(", ", task.labels()),
                                Boolean.toString(task.completed()),
                                nullToEmpty(task.recurrence())))
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @FunctionalInterface
    private interface TaskSink {
        void accept(TaskEntry task) throws IOException;
    }

    private void eachTask(Owner owner, TaskSink sink) throws IOException {
        try {
            jdbc.sql("select t.id, t.title, t.description, t.completed, t.completed_at, t.due_date,"
                            + " t.due_time, t.priority, t.list_id, l.name as list, t.labels, t.position, t.recurrence,"
                            + " t.created_at, t.updated_at from tasks.tasks t left join tasks.lists l on l.id = t.list_id"
                            + " where t." + owner.column() + " = :owner" + TASK_ORDER)
                    .param("owner", owner.id())
                    .withFetchSize(FETCH_SIZE)
                    .query((RowCallbackHandler) row -> {
                        try {
                            sink.accept(task(row));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** JSON values a line each, comma-separated, as the document's arrays hold them. */
    private static final class Lines {
        private final JsonMapper json;
        private final OutputStream out;
        private boolean first = true;

        Lines(JsonMapper json, OutputStream out) {
            this.json = json;
            this.out = out;
        }

        void add(Object value) {
            try {
                out.write(first ? '\n' : ',');
                if (!first) {
                    out.write('\n');
                }
                out.write(json.writeValueAsBytes(value));
                first = false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() throws IOException {
            if (!first) {
                out.write('\n');
            }
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static TaskEntry task(ResultSet row) throws SQLException {
        Array labels = row.getArray("labels");
        LocalTime time = row.getObject("due_time", LocalTime.class);
        return new TaskEntry(
                row.getLong("id"),
                row.getString("title"),
                row.getString("description"),
                row.getBoolean("completed"),
                instant(row, "completed_at"),
                row.getObject("due_date", LocalDate.class),
                TaskDraft.time(time),
                row.getInt("priority"),
                row.getObject("list_id", Long.class),
                row.getString("list"),
                List.of((String[]) labels.getArray()),
                row.getString("position"),
                row.getString("recurrence"),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
