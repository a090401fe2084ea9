package dev.tasks.api.transfer;

import dev.tasks.api.label.LabelNames;
import dev.tasks.api.label.LabelSpellings;
import dev.tasks.api.list.ListsByName;
import dev.tasks.api.owned.Owner;
import dev.tasks.api.owned.Positions;
import dev.tasks.api.task.TaskDraft;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a checked file's tasks, lists and labels, or says what it would write (the preview).
 *
 * <p><b>Idempotent</b>: each task gets an import key, a hash of its normalised content (title,
 * description, state, dates, priority, list name and labels without regard to case, recurrence) and
 * how many identical tasks came before it in the file; {@code tasks.tasks.import_key} is unique per
 * owner (migration V10) and rows whose key is there are left out ({@code on conflict do nothing}), so
 * the same file, or the same tasks in another of the formats, adds nothing the second time. A task
 * of this API's export whose id is still one of the owner's tasks is left out too: restoring an
 * export into the account it came from adds nothing. Lists are matched by name, labels take the
 * owner's spellings.
 *
 * <p><b>All or nothing</b>: the caller runs {@link #apply} in the request's one transaction
 * (owned.OwnedWrites); every row was checked before anything is written. Imports of one owner are
 * serialised (an advisory lock), so two at once cannot both create a list of one name.
 *
 * <p><b>Fast</b>: a constant number of statements per file, and the tasks in statements of
 * {@value #CHUNK} rows ({@code json_to_recordset}): a 10,000-task file is a handful of round trips.
 * The change-log triggers of tasks.tasks and tasks.lists fire for every row as for any write.
 */
@Component
class Importer {

    static final int CHUNK = 2_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ListsByName lists;
    private final LabelSpellings labels;

    Importer(JdbcClient jdbc, JsonMapper json, ListsByName lists, LabelSpellings labels) {
        this.jdbc = jdbc;
        this.json = json;
        this.lists = lists;
        this.labels = labels;
    }

    /** A plan: which rows are new, which lists and labels they bring. */
    private record Plan(
            List<ImportRow> added,
            List<String> addedKeys,
            int present,
            Map<String, Long> existingLists,
            List<String> newLists,
            Map<String, String> spellings,
            int newLabels) {}

    ImportResult preview(Owner owner, ImportFile file) {
        return result(file, plan(owner, file, false), true, 0);
    }

    /** Inside the request's transaction. */
    ImportResult apply(Owner owner, ImportFile file) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:scope, 0))")
                .param("scope", "import:" + owner.column() + ":" + owner.id())
                .query()
                .listOfRows();
        Plan plan = plan(owner, file, true);
        Map<String, Long> listIds = new HashMap<>(plan.existingLists());
        listIds.putAll(lists.create(owner, plan.newLists()));
        int added = insert(owner, plan, listIds);
        return result(file, plan, false, added);
    }

    private ImportResult result(ImportFile file, Plan plan, boolean dryRun, int added) {
        return new ImportResult(
                dryRun,
                file.format().id,
                file.rows().size(),
                dryRun ? plan.added().size() : added,
                file.rows().size() - (dryRun ? plan.added().size() : added),
                plan.newLists().size(),
                plan.newLabels(),
                file.ignoredRows(),
                file.datesKept());
    }

    private Plan plan(Owner owner, ImportFile file, boolean lock) {
        Map<String, String> spellings = labels.all(owner, lock);
        Map<String, Long> existingLists = lists.existing(owner);

        List<String> keys = keys(file.rows());
        Set<String> present = new HashSet<>(jdbc.sql("select import_key from tasks.tasks where " + owner.column()
                        + " = :owner and import_key = any(:keys)")
                .param("owner", owner.id())
                .param("keys", keys.toArray(String[]::new))
                .query(String.class)
                .list());
        Long[] sourceIds = file.rows().stream()
                .map(ImportRow::sourceId)
                .filter(Objects::nonNull)
                .toArray(Long[]::new);
        Set<Long> own = sourceIds.length == 0
                ? Set.of()
                : new HashSet<>(
                        jdbc.sql("select id from tasks.tasks where " + owner.column() + " = :owner and id = any(:ids)")
                                .param("owner", owner.id())
                                .param("ids", sourceIds)
                                .query(Long.class)
                                .list());

        List<ImportRow> added = new ArrayList<>();
        List<String> addedKeys = new ArrayList<>();
        for (int i = 0; i < file.rows().size(); i++) {
            ImportRow row = file.rows().get(i);
            if (!present.contains(keys.get(i)) && (row.sourceId() == null || !own.contains(row.sourceId()))) {
                added.add(row);
                addedKeys.add(keys.get(i));
            }
        }

        Map<String, String> newLists = new LinkedHashMap<>();
        file.lists().forEach(name -> newLists.putIfAbsent(ListsByName.key(name), name));
        added.stream()
                .map(ImportRow::list)
                .filter(Objects::nonNull)
                .forEach(name -> newLists.putIfAbsent(ListsByName.key(name), name));
        existingLists.keySet().forEach(newLists::remove);
        if (newLists.size() > TransferLimits.MAX_NEW_LISTS) {
            throw ImportProblem.file(
                    "would create " + newLists.size() + " lists; at most " + TransferLimits.MAX_NEW_LISTS + " at once");
        }

        Map<String, String> spelled = new HashMap<>(spellings);
        int newLabels = 0;
        for (ImportRow row : added) {
            for (String label : row.task().labels()) {
                if (spelled.putIfAbsent(LabelNames.key(label), label) == null) {
                    newLabels++;
                }
            }
        }
        return new Plan(
                added,
                addedKeys,
                file.rows().size() - added.size(),
                existingLists,
                new ArrayList<>(newLists.values()),
                spelled,
                newLabels);
    }

    /** Each row's import key: its content's hash, and the number of identical rows before it. */
    static List<String> keys(List<ImportRow> rows) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> keys = new ArrayList<>(rows.size());
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        for (ImportRow row : rows) {
            String content = content(row, sha256);
            int before = seen.merge(content, 1, Integer::sum) - 1;
            keys.add(content + "#" + before);
        }
        return keys;
    }

    private static String content(ImportRow row, MessageDigest sha256) {
        TaskDraft task = row.task();
        List<String> labelKeys =
                new ArrayList<>(task.labels().stream().map(LabelNames::key).toList());
        labelKeys.sort(null);
        // NUL separates the fields: no stored text can hold one (web.StorableText).
        String normalised = String.join(
                "\0",
                task.title(),
                Objects.toString(task.description(), ""),
                Boolean.toString(task.completed()),
                Objects.toString(task.dueDate(), ""),
                Objects.toString(TaskDraft.time(task.dueTime()), ""),
                Integer.toString(task.priority()),
                row.list() == null ? "" : ListsByName.key(row.list()),
                String.join("\0", labelKeys),
                Objects.toString(task.recurrence(), ""));
        byte[] hash = sha256.digest(normalised.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private int insert(Owner owner, Plan plan, Map<String, Long> listIds) {
        Map<Long, String> last = new HashMap<>(); // per list id (0: the Inbox), the greatest position so far
        int added = 0;
        for (int from = 0; from < plan.added().size(); from += CHUNK) {
            int to = Math.min(from + CHUNK, plan.added().size());
            ArrayNode rows = json.createArrayNode();
            for (int i = from; i < to; i++) {
                ImportRow row = plan.added().get(i);
                Long listId = row.list() == null ? null : listIds.get(ListsByName.key(row.list()));
                String previous = last.computeIfAbsent(listId == null ? 0L : listId, id -> lastPosition(owner, listId));
                String position = Positions.after(previous.isEmpty() ? null : previous);
                last.put(listId == null ? 0L : listId, position);
                rows.add(row(i, row, listId, position, plan));
            }
            added += jdbc.sql("insert into tasks.tasks (" + owner.column() + ", title, description, completed,"
                            + " completed_at, due_date, due_time, priority, list_id, labels, position, recurrence,"
                            + " recurrence_start, import_key, created_at, updated_at)"
                            + " select :owner, r.title, r.description, r.completed,"
                            + " case when r.completed then least(coalesce(r.completed_at, now()), now()) end,"
                            + " r.due_date, r.due_time, r.priority, r.list_id, r.labels, r.position, r.recurrence,"
                            + " case when r.recurrence is not null then r.due_date end, r.import_key,"
                            + " least(coalesce(r.created_at, now()), now()), now()"
                            + " from json_to_recordset(cast(:rows as json)) as r(n int, title text, description text,"
                            + " completed boolean, completed_at timestamptz, due_date date, due_time time,"
                            + " priority smallint, list_id bigint, labels text[], position text, recurrence text,"
                            + " import_key text, created_at timestamptz) order by r.n"
                            + " on conflict (" + owner.column() + ", import_key) where " + owner.column()
                            + " is not null and import_key is not null do nothing")
                    .param("owner", owner.id())
                    .param("rows", json.writeValueAsString(rows))
                    .update();
        }
        return added;
    }

    /** The "null" first key: {@code computeIfAbsent} keeps no null, so an empty list's "none yet" is "". */
    private String lastPosition(Owner owner, Long listId) {
        return jdbc.sql("select position from tasks.tasks where " + owner.column() + " = :owner and "
                        + (listId == null ? "list_id is null" : "list_id = :list")
                        + " order by position desc, id desc limit 1")
                .param("owner", owner.id())
                .param("list", listId)
                .query(String.class)
                .optional()
                .orElse("");
    }

    private ObjectNode row(int n, ImportRow row, Long listId, String position, Plan plan) {
        TaskDraft task = row.task();
        ObjectNode node = json.createObjectNode();
        node.put("n", n);
        node.put("title", task.title());
        node.put("description", task.description());
        node.put("completed", task.completed());
        node.put("completed_at", instant(row.completedAt()));
        node.put("due_date", task.dueDate() == null ? null : task.dueDate().toString());
        node.put("due_time", TaskDraft.time(task.dueTime()));
        node.put("priority", task.priority());
        if (listId == null) {
            node.putNull("list_id");
        } else {
            node.put("list_id", listId);
        }
        ArrayNode names = node.putArray("labels");
        new LinkedHashSet<>(task.labels().stream()
                        .map(label -> plan.spellings().getOrDefault(LabelNames.key(label), label))
                        .toList())
                .forEach(names::add);
        node.put("position", position);
        node.put("recurrence", task.recurrence());
        node.put("import_key", plan.addedKeys().get(n));
        node.put("created_at", instant(row.createdAt()));
        return node;
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }
}
