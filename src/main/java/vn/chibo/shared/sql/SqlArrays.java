package vn.chibo.shared.sql;

import java.util.Collection;
import java.util.function.ToLongFunction;

/**
 * Arrays for one parameter that a statement casts
 * ({@code = any(cast(:ids as bigint[]))}): the statement's text stays the same for any
 * number of values, so its plan is reused, and no value is ever spliced into the SQL. Ids
 * and texts go to PostgreSQL as typed arrays ({@code bigint[]}, {@code varchar[]}), not
 * as literals to parse: a plan made for any parameters evaluates the cast again for each
 * row it filters or sorts by the array, and parsing a literal of 58 branches there took
 * half of the start page's statements (docs/architecture.md, "Fast pages").
 */
public final class SqlArrays {

	private SqlArrays() {
	}

	/** The ids as a {@code bigint[]}. */
	public static long[] ids(Collection<Long> ids) {
		return ids(ids, Long::longValue);
	}

	/** The ids of the rows as a {@code bigint[]}, in the rows' order. */
	public static <T> long[] ids(Collection<T> rows, ToLongFunction<? super T> id) {
		var ids = new long[rows.size()];
		var i = 0;
		for (var row : rows) {
			ids[i++] = id.applyAsLong(row);
		}
		return ids;
	}

	/** The texts as a {@code varchar[]}, in their order. */
	public static String[] texts(Collection<String> values) {
		return values.toArray(String[]::new);
	}

	/**
	 * The numbers as a {@code numeric[]} literal: written as Java prints them, so that
	 * PostgreSQL keeps exactly the points computed.
	 */
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

}
