package dev.tasks.api.transfer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tasks.api.label.LabelNames;
import dev.tasks.api.owned.Owner;
import dev.tasks.api.task.TaskDraft;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything an owner has, as one document ({@code GET …/export}): the lists in their order, the
 * labels, and the tasks with every SPEC 1.7 field, Inbox first then list by list, each in its manual
 * order (so an import appends them in the same order). A task names its list by name as well as id:
 * ids mean nothing in another account. Read in one statement each, in one read-only transaction's
 * snapshot (the controller's), so lists and tasks agree.
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

    private final JdbcClient jdbc;

    Export(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Document of(Owner owner) {
        List<ListEntry> lists = jdbc.sql("select id, name, position, created_at, updated_at from tasks.lists where "
                        + owner.column() + " = :owner order by position, id")
                .param("owner", owner.id())
                .query((row, n) -> new ListEntry(
                        row.getLong("id"),
                        row.getString("name"),
                        row.getString("position"),
                        instant(row, "created_at"),
                        instant(row, "updated_at")))
                .list();
        List<TaskEntry> tasks = jdbc.sql("select t.id, t.title, t.description, t.completed, t.completed_at, t.due_date,"
                        + " t.due_time, t.priority, t.list_id, l.name as list, t.labels, t.position, t.recurrence,"
                        + " t.created_at, t.updated_at from tasks.tasks t left join tasks.lists l on l.id = t.list_id"
                        + " where t." + owner.column() + " = :owner"
                        + " order by t.list_id is not null, l.position, l.id, t.position, t.id")
                .param("owner", owner.id())
                .query(Export::task)
                .list();
        Map<String, String> labels = new LinkedHashMap<>();
        tasks.forEach(task -> task.labels().forEach(label -> labels.putIfAbsent(LabelNames.key(label), label)));
        List<String> names = new ArrayList<>(labels.values());
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return new Document(FORMAT_NAME, VERSION, Instant.now(), lists, names, tasks);
    }

    /**
     * The document as JSON, compact but one list and one task a line: a 10,000-task export stays well
     * under the import's 5 MiB (pretty-printed it was 4.7 MB in bench/import.sh), and an import's
     * message still names a useful line.
     */
    static byte[] json(JsonMapper json, Document document) {
        StringBuilder out = new StringBuilder("{\"" + FORMAT + "\":")
                .append(json.writeValueAsString(document.format()))
                .append(",\"" + FORMAT_VERSION + "\":")
                .append(document.formatVersion())
                .append(",\"" + EXPORTED_AT + "\":")
                .append(json.writeValueAsString(document.exportedAt()))
                .append(",\n\"" + LISTS + "\":[");
        lines(json, out, document.lists());
        out.append("],\n\"" + LABELS + "\":").append(json.writeValueAsString(document.labels()));
        out.append(",\n\"" + TASKS + "\":[");
        lines(json, out, document.tasks());
        return out.append("]}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void lines(JsonMapper json, StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append(json.writeValueAsString(values.get(i)));
        }
        if (!values.isEmpty()) {
            out.append('\n');
        }
    }

    /** The columns of {@code …/export.csv}: those {@link GenericCsv} reads, so it imports back. */
    static final List<String> CSV_COLUMNS = GenericCsv.COLUMNS;

    /** The tasks as CSV (RFC 4180, CRLF line ends, UTF-8): a header of {@link #CSV_COLUMNS}, then a task a line. */
    static String csv(Document document) {
        StringBuilder csv = new StringBuilder(CsvCells.line(CSV_COLUMNS));
        for (TaskEntry task : document.tasks()) {
            csv.append(CsvCells.line(List.of(
                    task.title(),
                    nullToEmpty(task.description()),
                    task.dueDate() == null ? "" : task.dueDate().toString(),
                    nullToEmpty(task.dueTime()),
                    Integer.toString(task.priority()),
                    nullToEmpty(task.list()),
                    String.join(", ", task.labels()),
                    Boolean.toString(task.completed()),
                    nullToEmpty(task.recurrence()))));
        }
        return csv.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static TaskEntry task(ResultSet row, int n) throws SQLException {
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
