package vn.chibo.shared.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Dates and times as Vietnamese users type them: {@code 3/2/1992}, {@code 03-02-1992},
 * {@code 3.2.1992}, {@code 03021992}, {@code 1992-02-03}; {@code 8h00}, {@code 8h},
 * {@code 14h30}, {@code 14 giờ 30}, {@code 1400}, {@code 14:00}, {@code 8g30}. Day before
 * month, as everywhere in Vietnam. A value that is none of these, or no real date, is
 * refused with {@link IllegalArgumentException}.
 */
public final class VietnameseDates {

	/** How a date is shown on every page and document: dd/MM/yyyy. */
	public static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** How a time of day is shown. */
	public static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final Pattern DAY_MONTH_YEAR = Pattern
		.compile("(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*[/.\\-]\\s*(\\d{4})");

	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

	private static final Pattern DIGITS_8 = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})");

	private static final Pattern HOURS_MINUTES = Pattern
		.compile("(\\d{1,2})\\s*(?::|h|g|giờ|gio|\\.)\\s*(\\d{1,2})?\\s*(?:phút|phut|p|')?");

	private static final Pattern DIGITS_4 = Pattern.compile("(\\d{1,2})(\\d{2})");

	private VietnameseDates() {
	}

	public static @Nullable LocalDate date(@Nullable String text) {
		var value = trimmed(text);
		if (value == null) {
			return null;
		}
		try {
			var m = DAY_MONTH_YEAR.matcher(value);
			if (m.matches()) {
				return LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
			}
			m = ISO.matcher(value);
			if (m.matches()) {
				return LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
			}
			m = DIGITS_8.matcher(value);
			if (m.matches()) {
				return LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
			}
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("not a date: " + value, ex);
		}
		throw new IllegalArgumentException("not a date: " + value);
	}

	public static @Nullable LocalTime time(@Nullable String text) {
		var value = trimmed(text);
		if (value == null) {
			return null;
		}
		var lower = value.toLowerCase(Locale.ROOT);
		try {
			var m = HOURS_MINUTES.matcher(lower);
			if (m.matches()) {
				return LocalTime.of(Integer.parseInt(m.group(1)),
						(m.group(2) != null) ? Integer.parseInt(m.group(2)) : 0);
			}
			m = DIGITS_4.matcher(lower);
			if (m.matches()) {
				return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
			}
			if (lower.matches("\\d{1,2}")) {
				return LocalTime.of(Integer.parseInt(lower), 0);
			}
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("not a time: " + value, ex);
		}
		throw new IllegalArgumentException("not a time: " + value);
	}

	/** A date and a time, as {@code 3/2/2026 8h00} or {@code 03/02/2026 08:00}. */
	public static @Nullable LocalDateTime dateTime(@Nullable String text) {
		var value = trimmed(text);
		if (value == null) {
			return null;
		}
		var space = value.indexOf(' ');
		if (space < 0) {
			throw new IllegalArgumentException("not a date and time: " + value);
		}
		var date = date(value.substring(0, space));
		var time = time(value.substring(space + 1));
		if (date == null || time == null) {
			throw new IllegalArgumentException("not a date and time: " + value);
		}
		return date.atTime(time);
	}

	private static int year(String digits) {
		var year = Integer.parseInt(digits);
		// Dates of Party records: from the Party's founding to the next century.
		if (year < 1900 || year > 2200) {
			throw new DateTimeException("year out of range: " + year);
		}
		return year;
	}

	private static @Nullable String trimmed(@Nullable String text) {
		if (text == null) {
			return null;
		}
		var value = text.strip();
		if (value.isEmpty()) {
			return null;
		}
		if (value.length() > 40 || value.indexOf('\u0000') >= 0) {
			throw new IllegalArgumentException("not a date or time");
		}
		return value;
	}

}
