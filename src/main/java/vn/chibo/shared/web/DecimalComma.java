package vn.chibo.shared.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A decimal as Vietnamese write it (docs/domain.md §16): "75,5" — a point is read too —
 * shown back with the comma and without trailing zeros. Only plain numbers of at most
 * nine digits and four decimals are read: no exponent ("1e999999999"), nothing an
 * attacker could make costly to print.
 */
public class DecimalComma extends PropertyEditorSupport {

	private static final Pattern PLAIN = Pattern.compile("-?\\d{1,9}([.,]\\d{1,4})?");

	@Override
	public void setAsText(@Nullable String text) {
		setValue(parse(text));
	}

	@Override
	public String getAsText() {
		return (getValue() instanceof BigDecimal value) ? text(value) : "";
	}

	/**
	 * The decimal typed, null when nothing was.
	 * @throws IllegalArgumentException when the text is not a plain decimal
	 */
	public static @Nullable BigDecimal parse(@Nullable String text) {
		var value = (text != null) ? text.strip() : "";
		if (value.isEmpty()) {
			return null;
		}
		if (!PLAIN.matcher(value).matches()) {
			throw new IllegalArgumentException("not a plain decimal");
		}
		return new BigDecimal(value.replace(',', '.'));
	}

	/** "3" for 3.0, "72,5" for 72.5. */
	public static String text(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString().replace('.', ',');
	}

	/** The same reading for fields held as {@code Double}. */
	public static PropertyEditorSupport doubles() {
		return new PropertyEditorSupport() {

			@Override
			public void setAsText(@Nullable String text) {
				var value = parse(text);
				setValue((value != null) ? value.doubleValue() : null);
			}

			@Override
			public String getAsText() {
				return (getValue() instanceof Double value) ? text(BigDecimal.valueOf(value)) : "";
			}

		};
	}

}
