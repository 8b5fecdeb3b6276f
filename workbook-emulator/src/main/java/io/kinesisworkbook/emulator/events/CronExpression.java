package io.kinesisworkbook.emulator.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge's six-field cron: minutes, hours, day of month, month, day of week, year. One of the
 * two day fields must be {@code ?}. Besides lists, ranges and steps it knows {@code L} (last day of
 * the month, or {@code 6L}: the last Friday), {@code W} (the weekday nearest a day) and {@code #}
 * ({@code 2#1}: the first Monday). Days of the week run from 1 (Sunday) to 7 (Saturday).
 */
final class CronExpression {

    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final Pattern NTH_WEEKDAY = Pattern.compile("([1-7]|[A-Z]{3})#([1-5])");
    private static final Pattern LAST_WEEKDAY = Pattern.compile("([1-7]|[A-Z]{3})L");
    private static final Pattern NEAREST_WEEKDAY = Pattern.compile("([1-9]|[12]\\d|3[01])W");
    /** How far ahead to look for the next time before deciding there is none. */
    private static final int SEARCH_DAYS = 366 * 5;

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    private final String dayOfMonth;
    private final BitSet daysOfMonth;
    private final String dayOfWeek;
    private final BitSet daysOfWeek;

    private CronExpression(BitSet minutes, BitSet hours, String dayOfMonth, BitSet daysOfMonth, BitSet months,
                           String dayOfWeek, BitSet daysOfWeek, BitSet years) {
        this.minutes = minutes;
        this.hours = hours;
        this.dayOfMonth = dayOfMonth;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.dayOfWeek = dayOfWeek;
        this.daysOfWeek = daysOfWeek;
        this.years = years;
    }

    /** The expression inside {@code cron(...)}, or null when it is not a valid one. */
    static CronExpression parse(String fields) {
        String[] parts = fields.split(" ", -1);
        if (parts.length != 6) {
            return null;
        }
        String dom = parts[2].toUpperCase();
        String dow = parts[4].toUpperCase();
        if (dom.equals("?") == dow.equals("?")) {
            return null;
        }
        BitSet minutes = values(parts[0], 0, 59, List.of());
        BitSet hours = values(parts[1], 0, 23, List.of());
        BitSet months = values(parts[3].toUpperCase(), 1, 12, MONTHS);
        BitSet years = values(parts[5], 1970, 2199, List.of());
        BitSet daysOfMonth = dom.equals("?") || dom.equals("L") || dom.equals("LW") || NEAREST_WEEKDAY.matcher(dom).matches()
                ? new BitSet() : values(dom, 1, 31, List.of());
        BitSet daysOfWeek = dow.equals("?") || dow.equals("L") || NTH_WEEKDAY.matcher(dow).matches()
                || LAST_WEEKDAY.matcher(dow).matches() ? new BitSet() : values(dow, 1, 7, DAYS);
        if (minutes == null || hours == null || months == null || years == null || daysOfMonth == null
                || daysOfWeek == null) {
            return null;
        }
        return new CronExpression(minutes, hours, dom, daysOfMonth, months, dow, daysOfWeek, years);
    }

    /** The first minute after {@code millis} (UTC) the expression names, or -1 within the next five years. */
    long nextAfter(long millis) {
        LocalDateTime after = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
        LocalDate day = after.toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (!years.get(day.getYear()) || !months.get(day.getMonthValue()) || !dayMatches(day)) {
                continue;
            }
            for (int hour = hours.nextSetBit(0); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                for (int minute = minutes.nextSetBit(0); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                    LocalDateTime candidate = day.atTime(hour, minute);
                    if (candidate.isAfter(after)) {
                        return candidate.toInstant(ZoneOffset.UTC).toEpochMilli();
                    }
                }
            }
        }
        return -1;
    }

    private boolean dayMatches(LocalDate day) {
        if (!dayOfMonth.equals("?")) {
            return dayOfMonthMatches(day);
        }
        return dayOfWeekMatches(day);
    }

    private boolean dayOfMonthMatches(LocalDate day) {
        LocalDate last = day.with(TemporalAdjusters.lastDayOfMonth());
        if (dayOfMonth.equals("L")) {
            return day.equals(last);
        }
        if (dayOfMonth.equals("LW")) {
            return day.equals(nearestWeekday(last));
        }
        Matcher nearest = NEAREST_WEEKDAY.matcher(dayOfMonth);
        if (nearest.matches()) {
            int wanted = Math.min(Integer.parseInt(nearest.group(1)), last.getDayOfMonth());
            return day.equals(nearestWeekday(day.withDayOfMonth(wanted)));
        }
        return daysOfMonth.get(day.getDayOfMonth());
    }

    /** The weekday nearest {@code day} within its month, as cron's {@code W} means. */
    private static LocalDate nearestWeekday(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY) {
            return day.getDayOfMonth() == 1 ? day.plusDays(2) : day.minusDays(1);
        }
        if (weekday == DayOfWeek.SUNDAY) {
            return day.equals(day.with(TemporalAdjusters.lastDayOfMonth())) ? day.minusDays(2) : day.plusDays(1);
        }
        return day;
    }

    private boolean dayOfWeekMatches(LocalDate day) {
        int cronDay = day.getDayOfWeek().getValue() % 7 + 1;
        Matcher nth = NTH_WEEKDAY.matcher(dayOfWeek);
        if (nth.matches()) {
            int wanted = dayNumber(nth.group(1));
            return cronDay == wanted && (day.getDayOfMonth() - 1) / 7 + 1 == Integer.parseInt(nth.group(2));
        }
        Matcher lastOne = LAST_WEEKDAY.matcher(dayOfWeek);
        if (lastOne.matches()) {
            return cronDay == dayNumber(lastOne.group(1)) && day.plusDays(7).getMonthValue() != day.getMonthValue();
        }
        if (dayOfWeek.equals("L")) {
            return cronDay == 7;
        }
        return daysOfWeek.get(cronDay);
    }

    private static int dayNumber(String text) {
        return Character.isDigit(text.charAt(0)) ? Integer.parseInt(text) : DAYS.indexOf(text) + 1;
    }

    /** A field's values: {@code *}, {@code n}, {@code a-b}, {@code a/step}, {@code a-b/step}, comma lists; null if invalid. */
    private static BitSet values(String field, int min, int max, List<String> names) {
        BitSet set = new BitSet();
        for (String item : field.split(",", -1)) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                Integer parsed = number(item.substring(slash + 1), 1, max, List.of());
                if (parsed == null) {
                    return null;
                }
                step = parsed;
                range = item.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                Integer low = ends.length == 2 ? number(ends[0], min, max, names) : null;
                Integer high = ends.length == 2 ? number(ends[1], min, max, names) : null;
                if (low == null || high == null || low > high) {
                    return null;
                }
                from = low;
                to = high;
            } else {
                Integer single = number(range, min, max, names);
                if (single == null) {
                    return null;
                }
                from = single;
                to = slash >= 0 ? max : single;
            }
            for (int value = from; value <= to; value += step) {
                set.set(value);
            }
        }
        return set;
    }

    private static Integer number(String text, int min, int max, List<String> names) {
        int named = names.indexOf(text);
        if (named >= 0) {
            return named + 1;
        }
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 4) {
            return null;
        }
        int value = Integer.parseInt(text);
        return value < min || value > max ? null : value;
    }
}
