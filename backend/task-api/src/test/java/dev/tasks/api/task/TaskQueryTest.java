package dev.tasks.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasks.api.problem.InvalidRequestException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskQueryTest {

    @Test
    void defaultsAreNewestFirstHundredFromTheStart() {
        TaskQuery query = TaskQuery.parse(null, null, null, null, null);

        assertThat(query)
                .isEqualTo(new TaskQuery(
                        Optional.empty(),
                        Optional.empty(),
                        TaskQuery.Sort.CREATED_AT_DESC,
                        100,
                        0,
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
    }

    @Test
    void blankSearchIsNoSearch() {
        assertThat(TaskQuery.parse(null, "   ", null, null, null).search()).isEmpty();
    }

    @Test
    void likeWildcardsAndTheEscapeCharacterAreEscaped() {
        assertThat(TaskQuery.parse(null, "50%_off\\", null, null, null).likePattern())
                .contains("%50\\%\\_off\\\\%");
    }

    @Test
    void limitBoundsAreInclusive() {
        assertThat(TaskQuery.parse(null, null, null, "1", null).limit()).isEqualTo(1);
        assertThat(TaskQuery.parse(null, null, null, "1000", null).limit()).isEqualTo(1000);
        assertThatThrownBy(() -> TaskQuery.parse(null, null, null, "1001", null))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void everySortParameterMapsToAConstantOrderWithAnIdTieBreak() {
        for (TaskQuery.Sort sort : TaskQuery.Sort.values()) {
            assertThat(TaskQuery.parse(null, null, sort.parameter, null, null).sort())
                    .isEqualTo(sort);
            assertThat(sort.orderBy).endsWith(sort.parameter.startsWith("-") ? "id desc" : "id asc");
        }
    }
}
