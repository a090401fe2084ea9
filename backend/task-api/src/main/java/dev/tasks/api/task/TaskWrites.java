package dev.tasks.api.task;

import dev.tasks.api.label.LabelSpellings;
import dev.tasks.api.list.ListMembership;
import dev.tasks.api.owned.Owner;
import dev.tasks.api.owned.Positions;
import dev.tasks.api.owned.TeamAccess;
import dev.tasks.api.problem.InvalidRequestException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the server decides when a task is written (SPEC 1.7): a new task goes to the end of its
 * list's manual order, and so does a task filed in another list; labels take the owner's
 * spellings; completing a recurring task moves its due date to the next occurrence and leaves it
 * open (the last one completes); {@code completed_at} is set when it becomes completed, not on a
 * recurring step. Each method runs inside one request's transaction (owned.OwnedWrites).
 */
@Component
class TaskWrites {

    private final TaskRepository tasks;
    private final ListMembership lists;
    private final LabelSpellings labels;
    private final TeamAccess teams;

    TaskWrites(TaskRepository tasks, ListMembership lists, LabelSpellings labels, TeamAccess teams) {
        this.tasks = tasks;
        this.lists = lists;
        this.labels = labels;
        this.teams = teams;
    }

    Task create(Owner owner, TaskFields task) {
        requireOwnersList(owner, task.listId());
        requireAssignee(owner, task.assigneeId());
        TaskFields spelled = task.withLabels(labels.of(owner, task.labels()));
        LocalDate start = spelled.recurrence() == null ? null : spelled.dueDate();
        String position = Positions.after(tasks.lastPosition(owner, spelled.listId()));
        return tasks.insert(owner, new TaskRepository.Row(spelled, position, start, spelled.completed()));
    }

    Optional<Task> update(Owner owner, long id, TaskUpdate update) {
        return tasks.lockById(owner, id).map(current -> {
            if (update.isEmpty()) {
                return current;
            }
            TaskFields next = update.apply(current.fields());
            next.check();
            if (update.sets(TaskFields.ASSIGNEE_ID)) {
                requireAssignee(owner, next.assigneeId()); // one no longer a member may stay until changed
            }
            if (update.sets(TaskFields.LABELS)) {
                next = next.withLabels(labels.of(owner, next.labels()));
            }
            // A new rule, or a new due date under a rule, starts a new series (RFC 5545's DTSTART).
            LocalDate start = next.recurrence() == null
                    ? null
                    : update.sets(TaskFields.RECURRENCE) || update.sets(TaskFields.DUE_DATE)
                            ? next.dueDate()
                            : current.recurrenceStart();
            return write(owner, current, next, start);
        });
    }

    /**
     * PATCH …/complete: as an update of {@code completed} to its opposite. A task without a
     * recurrence (the common case, and a benchmarked one) flips in one statement; a recurring one
     * is read, stepped and written under its row lock.
     */
    Optional<Task> toggle(Owner owner, long id) {
        Optional<Task> flipped = tasks.toggleUnlessRecurring(owner, id);
        if (flipped.isPresent()) {
            return flipped;
        }
        return tasks.lockById(owner, id).map(current -> {
            TaskFields fields = current.fields();
            return write(owner, current, fields.withCompleted(!fields.completed()), current.recurrenceStart());
        });
    }

    private Task write(Owner owner, Task current, TaskFields next, LocalDate start) {
        boolean completing = next.completed() && !current.completed();
        if (completing && next.recurrence() != null) {
            Optional<LocalDate> following = next.recurrence().next(start, next.dueDate());
            if (following.isPresent()) {
                next = next.withCompleted(false).withDueDate(following.get());
                completing = false;
            }
        }
        String position = current.position();
        if (!Objects.equals(next.listId(), current.listId())) {
            requireOwnersList(owner, next.listId());
            position = Positions.after(tasks.lastPosition(owner, next.listId()));
        }
        boolean reopening = !next.completed() && current.completed();
        return tasks.update(owner, current.id(), new TaskRepository.Row(next, position, start, completing), reopening);
    }

    /**
     * Puts the task right after {@code after} (empty: first) in {@code listId}'s manual order (the
     * list of {@code after} when one is named). One row is written: the task's new key lies between
     * its new neighbours' (owned.Positions).
     */
    Optional<Task> move(Owner owner, long id, Optional<Long> after, Optional<Optional<Long>> listId) {
        return tasks.lockById(owner, id).map(task -> {
            Long list = listId.isPresent() ? listId.get().orElse(null) : task.listId();
            String previous = null;
            if (after.isPresent() && after.get() != id) {
                Task neighbour = tasks.findById(owner, after.get())
                        .orElseThrow(() -> new InvalidRequestException(
                                TaskMove.AFTER, "must be the id of one of your tasks, or null for the first place"));
                if (listId.isPresent() && !Objects.equals(list, neighbour.listId())) {
                    throw new InvalidRequestException(TaskMove.AFTER, "is not in the list given as list_id");
                }
                list = neighbour.listId();
                previous = neighbour.position();
            } else if (after.isPresent()) {
                return task; // after itself: where it is
            }
            requireOwnersList(owner, list);
            String next = tasks.nextPosition(owner, list, previous, id);
            return tasks.move(owner, id, list, Positions.between(previous, next));
        });
    }

    /**
     * SPEC 1.9: a team task's assignee is one of the team's members now (the membership check, ≤ 4 s
     * old); a personal task has none. Anyone else is a 422, not a 404: the field is wrong.
     */
    private void requireAssignee(Owner owner, String assigneeId) {
        if (assigneeId == null) {
            return;
        }
        if (!(owner instanceof Owner.Team team)) {
            throw new InvalidRequestException(TaskFields.ASSIGNEE_ID, "must be null: a personal task has no assignee");
        }
        if (!teams.isMember(team, assigneeId)) {
            throw new InvalidRequestException(
                    TaskFields.ASSIGNEE_ID, "must be the user id of a member of the team, or null");
        }
    }

    private void requireOwnersList(Owner owner, Long listId) {
        if (!lists.isOwnersList(owner, listId)) {
            throw new InvalidRequestException(
                    TaskFields.LIST_ID, "must be the id of one of your lists, or null for the Inbox");
        }
    }
}
