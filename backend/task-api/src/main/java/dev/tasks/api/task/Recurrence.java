package dev.tasks.api.task;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A task's {@code recurrence}: the subset of RFC 5545 RRULE that SPEC 1.7 allows, and its
 * occurrences as RFC 5545 computes them from the first due date (DTSTART): a monthly rule on the
 * 31st skips shorter months (invalid dates are ignored, not moved), {@code BYMONTHDAY=-1} is the
 * last day, Feb 29 yearly falls in leap years only, DTSTART counts as the first of {@code COUNT},
 * and {@code UNTIL} is inclusive.
 *
 * @param byDay      weekly: the weekdays (empty: DTSTART's)
 * @param byMonthDay monthly: 1 to 31 or -1 (null: DTSTART's day)
 * @param count      the number of occurrences including DTSTART, or null
 * @param until      the last possible date, or null
 */
record Recurrence(
        Frequency frequency, int interval, Set<DayOfWeek> byDay, Integer byMonthDay, Integer count, LocalDate until) {

    /** {@code FREQ}; the names are the RRULE values. */
    enum Frequency {
        DAILY,
        WEEKLY,
        MONTHLY,
        YEARLY
    }

    static final int MAX_INTERVAL = 365;
    static final int MAX_COUNT = 1000;
    static final int MAX_LENGTH = 200;
    /** Periods looked at for a next occurrence before giving up (a rule whose dates never exist). */
    private static final int MAX_PERIODS = 10_000;

    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "MO", DayOfWeek.MONDAY,
            "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY,
            "TH", DayOfWeek.THURSDAY,
            "FR", DayOfWeek.FRIDAY,
            "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);

    /** What a rule outside the subset is told. */
    static final String SUBSET = "must be an RRULE of FREQ=DAILY|WEEKLY|MONTHLY|YEARLY, optional INTERVAL (1-365),"
            + " BYDAY (weekly, e.g. MO,WE), BYMONTHDAY (monthly, 1-31 or -1), and COUNT or UNTIL (YYYYMMDD)";

    /** The rule in {@code text}, or an {@link IllegalArgumentException} saying what is wrong. */
    static Recurrence parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.strip().toUpperCase(java.util.Locale.ROOT).split(";", -1)) {
            int equals = part.indexOf('=');
            if (equals <= 0 || parts.put(part.substring(0, equals), part.substring(equals + 1)) != null) {
                throw new IllegalArgumentException(SUBSET);
            }
        }
        Frequency frequency;
        try {
            frequency = Frequency.valueOf(parts.getOrDefault("FREQ", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SUBSET);
        }
        if (!Set.of("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL").containsAll(parts.keySet())) {
            throw new IllegalArgumentException(SUBSET);
        }
        int interval = number(parts.get("INTERVAL"), 1, 1, MAX_INTERVAL, "INTERVAL must be 1 to 365");
        Set<DayOfWeek> byDay = EnumSet.noneOf(DayOfWeek.class);
        if (parts.containsKey("BYDAY")) {
            if (frequency != Frequency.WEEKLY) {
                throw new IllegalArgumentException("BYDAY is allowed with FREQ=WEEKLY only");
            }
            for (String day : parts.get("BYDAY").split(",", -1)) {
                DayOfWeek weekday = DAYS.get(day);
                if (weekday == null) {
                    throw new IllegalArgumentException("BYDAY takes MO, TU, WE, TH, FR, SA, SU, was " + day);
                }
                byDay.add(weekday);
            }
        }
        Integer byMonthDay = null;
        if (parts.containsKey("BYMONTHDAY")) {
            if (frequency != Frequency.MONTHLY) {
                throw new IllegalArgumentException("BYMONTHDAY is allowed with FREQ=MONTHLY only");
            }
            String day = parts.get("BYMONTHDAY");
            byMonthDay = day.equals("-1") ? -1 : number(day, null, 1, 31, "BYMONTHDAY must be 1 to 31 or -1");
        }
        if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) {
            throw new IllegalArgumentException("COUNT and UNTIL exclude each other");
        }
        Integer count = parts.containsKey("COUNT")
                ? number(parts.get("COUNT"), null, 1, MAX_COUNT, "COUNT must be 1 to " + MAX_COUNT)
                : null;
        LocalDate until = null;
        if (parts.containsKey("UNTIL")) {
            try {
                until = LocalDate.parse(parts.get("UNTIL"), DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("UNTIL must be a date, YYYYMMDD");
            }
        }
        return new Recurrence(frequency, interval, byDay, byMonthDay, count, until);
    }

    private static Integer number(String text, Integer byDefault, int min, int max, String problem) {
        if (text == null) {
            return byDefault;
        }
        if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            throw new IllegalArgumentException(problem);
        }
        return Integer.parseInt(text);
    }

    /** The rule as stored and sent: upper case, in a fixed order. */
    String text() {
        List<String> parts = new ArrayList<>(List.of("FREQ=" + frequency));
        if (interval != 1) {
            parts.add("INTERVAL=" + interval);
        }
        if (!byDay.isEmpty()) {
            parts.add("BYDAY="
                    + byDay.stream().map(day -> day.name().substring(0, 2)).collect(Collectors.joining(",")));
        }
        if (byMonthDay != null) {
            parts.add("BYMONTHDAY=" + byMonthDay);
        }
        if (count != null) {
            parts.add("COUNT=" + count);
        }
        if (until != null) {
            parts.add("UNTIL=" + until.format(DateTimeFormatter.BASIC_ISO_DATE));
        }
        return String.join(";", parts);
    }

    /**
     * The first occurrence after {@code current} of the series that starts at {@code start}
     * (DTSTART, itself the first occurrence); empty when the series has ended (COUNT, UNTIL).
     */
    Optional<LocalDate> next(LocalDate start, LocalDate current) {
        int seen = 1; // DTSTART
        if (count != null && seen >= count) {
            return Optional.empty();
        }
        for (int period = 0; period < MAX_PERIODS; period++) {
            for (LocalDate date : period(start, period)) {
                if (!date.isAfter(start)) {
                    continue;
                }
                if (until != null && date.isAfter(until)) {
                    return Optional.empty();
                }
                seen++;
                if (date.isAfter(current)) {
                    return Optional.of(date);
                }
                if (count != null && seen >= count) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The rule's dates in its {@code n}th period (day, week, month, year) from DTSTART's, in order. */
    private List<LocalDate> period(LocalDate start, int n) {
        long step = (long) n * interval;
        return switch (frequency) {
            case DAILY -> List.of(start.plusDays(step));
            case WEEKLY -> {
                LocalDate monday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .plusWeeks(step); // RFC 5545's default WKST=MO
                Set<DayOfWeek> days = byDay.isEmpty() ? EnumSet.of(start.getDayOfWeek()) : byDay;
                yield days.stream()
                        .sorted()
                        .map(day -> monday.plusDays(day.ordinal()))
                        .toList();
            }
            case MONTHLY -> {
                YearMonth month = YearMonth.from(start).plusMonths(step);
                int day = byMonthDay == null ? start.getDayOfMonth() : byMonthDay;
                if (day == -1) {
                    yield List.of(month.atEndOfMonth());
                }
                yield month.isValidDay(day) ? List.of(month.atDay(day)) : List.of();
            }
            case YEARLY -> {
                int year = Math.toIntExact(start.getYear() + step);
                boolean exists = !(start.getMonth() == Month.FEBRUARY
                        && start.getDayOfMonth() == 29
                        && !java.time.Year.isLeap(year));
                yield exists && year <= LocalDate.MAX.getYear() ? List.of(start.withYear(year)) : List.of();
            }
        };
    }
}
