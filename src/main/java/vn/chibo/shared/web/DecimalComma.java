package vn.chibo.shared.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A decimal as Vietnamese write it (DOMAIN.md §16): "75,5" — a point is read too — shown
 * back with the comma and without trailing zeros. Only plain numbers of at most nine
 * digits and four decimals are read: no exponent ("1e999999999"), nothing an attacker
 * could make costly to print.
 */
public class DecimalComma extends PropertyEditorSupport {

	private static final Pattern PLAIN = Pattern.compile("-?\\d{1,9}([.,]\\d{1,4})?");

	@Override
	public void setAsText(@Nullable String text) {
		var value = (text != null) ? text.strip() : "";
		if (value.isEmpty()) {
			setValue(null);
			return;
		}
		if (!PLAIN.matcher(value).matches()) {
			throw new IllegalArgumentException("not a plain decimal");
		}
		setValue(new BigDecimal(value.replace(',', '.')));
	}

	@Override
	public String getAsText() {
		if (!(getValue() instanceof BigDecimal value)) {
			return "";
		}
		return value.stripTrailingZeros().toPlainString().replace('.', ',');
	}

}
