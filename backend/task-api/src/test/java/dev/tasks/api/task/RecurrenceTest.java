package dev.tasks.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The RRULE subset of SPEC 1.7 and its occurrences, as RFC 5545 computes them. */
class RecurrenceTest {

    /** The due dates a task walks through when completed again and again, from {@code start}. */
    private static List<LocalDate> series(String rule, String start, int atMost) {
        Recurrence recurrence = Recurrence.parse(rule);
        LocalDate first = LocalDate.parse(start);
        List<LocalDate> dates = new ArrayList<>(List.of(first));
        LocalDate current = first;
        for (int i = 1; i < atMost; i++) {
            Optional<LocalDate> next = recurrence.next(first, current);
            if (next.isEmpty()) {
                break;
            }
            current = next.get();
            dates.add(current);
        }
        return dates;
    }

    private static List<LocalDate> dates(String... dates) {
        return java.util.Arrays.stream(dates).map(LocalDate::parse).toList();
    }

    @Test
    void monthlyOnJanuary31SkipsTheMonthsWithoutA31st() {
        assertThat(series("FREQ=MONTHLY", "2027-01-31", 5))
                .isEqualTo(dates("2027-01-31", "2027-03-31", "2027-05-31", "2027-07-31", "2027-08-31"));
        assertThat(series("FREQ=MONTHLY;BYMONTHDAY=31", "2027-01-31", 3))
                .isEqualTo(dates("2027-01-31", "2027-03-31", "2027-05-31"));
    }

    @Test
    void minusOneIsTheLastDayOfEachMonth() {
        assertThat(series("FREQ=MONTHLY;BYMONTHDAY=-1", "2028-01-31", 4))
                .isEqualTo(dates("2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"));
    }

    @Test
    void yearlyOnFebruary29FallsInLeapYearsOnly() {
        assertThat(series("FREQ=YEARLY", "2028-02-29", 3)).isEqualTo(dates("2028-02-29", "2032-02-29", "2036-02-29"));
    }

    @Test
    void weeklyByDayWalksTheWeekdaysInOrder() {
        // 2026-12-07 is a Monday.
        assertThat(series("FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-12-07", 5))
                .isEqualTo(dates("2026-12-07", "2026-12-09", "2026-12-11", "2026-12-14", "2026-12-16"));
        assertThat(series("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH", "2026-12-08", 4))
                .isEqualTo(dates("2026-12-08", "2026-12-10", "2026-12-22", "2026-12-24"));
        assertThat(series("FREQ=WEEKLY", "2026-12-09", 2)).isEqualTo(dates("2026-12-09", "2026-12-16"));
    }

    @Test
    void countIncludesTheFirstDueDateAndEndsTheSeries() {
        assertThat(series("FREQ=DAILY;COUNT=3", "2026-12-07", 10))
                .isEqualTo(dates("2026-12-07", "2026-12-08", "2026-12-09"));
        assertThat(Recurrence.parse("FREQ=DAILY;COUNT=1")
                        .next(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-07")))
                .isEmpty();
    }

    @Test
    void untilIsInclusiveAndEndsTheSeries() {
        assertThat(series("FREQ=DAILY;INTERVAL=2;UNTIL=20261211", "2026-12-07", 10))
                .isEqualTo(dates("2026-12-07", "2026-12-09", "2026-12-11"));
    }

    @Test
    void daysSkippedByALateCompletionStillCountTowardsCount() {
        Recurrence rule = Recurrence.parse("FREQ=DAILY;COUNT=3");
        LocalDate start = LocalDate.parse("2026-12-07");
        assertThat(rule.next(start, LocalDate.parse("2026-12-08"))).contains(LocalDate.parse("2026-12-09"));
        assertThat(rule.next(start, LocalDate.parse("2026-12-09"))).isEmpty();
    }

    @Test
    void isWrittenBackInOneForm() {
        assertThat(Recurrence.parse("freq=weekly;byday=fr,mo;interval=2").text())
                .isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR");
        assertThat(Recurrence.parse("FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20271231").text())
                .isEqualTo("FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20271231");
    }

    @Test
    void rulesOutsideTheSubsetAreRefused() {
        for (String rule : List.of(
                "",
                "FREQ=HOURLY",
                "FREQ=DAILY;INTERVAL=0",
                "FREQ=DAILY;INTERVAL=366",
                "FREQ=DAILY;BYDAY=MO",
                "FREQ=WEEKLY;BYDAY=1MO",
                "FREQ=WEEKLY;BYMONTHDAY=1",
                "FREQ=MONTHLY;BYMONTHDAY=32",
                "FREQ=MONTHLY;BYMONTHDAY=-2",
                "FREQ=DAILY;COUNT=2;UNTIL=20270101",
                "FREQ=DAILY;UNTIL=2027-01-01",
                "FREQ=DAILY;BYSETPOS=1",
                "FREQ=DAILY;FREQ=WEEKLY",
                "RRULE:FREQ=DAILY")) {
            assertThatThrownBy(() -> Recurrence.parse(rule)).as(rule).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
