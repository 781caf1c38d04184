package vn.chibo.shared.sql;

import java.util.Collection;
import java.util.function.ToLongFunction;

/**
 * PostgreSQL array literals ({@code "{1,2,3}"}) for one parameter that a statement casts
 * ({@code = any(cast(:ids as bigint[]))}): the statement's text stays the same for any
 * number of values, so its plan is reused, and no value is ever spliced into the SQL.
 */
public final class SqlArrays {

	private SqlArrays() {
	}

	/** The ids as a {@code bigint[]} literal. */
	public static String ids(Collection<Long> ids) {
		return ids(ids, Long::longValue);
	}

	/** The ids of the rows as a {@code bigint[]} literal. */
	public static <T> String ids(Collection<T> rows, ToLongFunction<? super T> id) {
		var literal = new StringBuilder(2 + rows.size() * 8).append('{');
		for (var row : rows) {
			if (literal.length() > 1) {
				literal.append(',');
			}
			literal.append(id.applyAsLong(row));
		}
		return literal.append('}').toString();
	}

	/** The numbers as a {@code bigint[]} literal. */
	public static String longs(long[] values) {
		var literal = new StringBuilder(2 + values.length * 21).append('{');
		for (var i = 0; i < values.length; i++) {
			if (i > 0) {
				literal.append(',');
			}
			literal.append(values[i]);
		}
		return literal.append('}').toString();
	}

	/** The numbers as a {@code numeric[]} literal. */
	public static String numbers(double[] values) {
		var literal = new StringBuilder(2 + values.length * 8).append('{');
		for (var i = 0; i < values.length; i++) {
			if (i > 0) {
				literal.append(',');
			}
			literal.append(values[i]);
		}
		return literal.append('}').toString();
	}

	/**
	 * The texts as a {@code text[]} literal: each quoted, its quotes and backslashes
	 * escaped.
	 */
	public static String texts(Collection<String> values) {
		var literal = new StringBuilder().append('{');
		for (var value : values) {
			if (literal.length() > 1) {
				literal.append(',');
			}
			literal.append('"');
			for (var i = 0; i < value.length(); i++) {
				var c = value.charAt(i);
				if (c == '"' || c == '\\') {
					literal.append('\\');
				}
				literal.append(c);
			}
			literal.append('"');
		}
		return literal.append('}').toString();
	}

}
