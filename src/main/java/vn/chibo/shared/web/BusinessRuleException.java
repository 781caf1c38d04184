package vn.chibo.shared.web;

/**
 * A change the rules forbid, named by a message key (with arguments) that the screen
 * shows as it is and the API returns as a problem detail. The transaction it leaves is
 * rolled back.
 */
public class BusinessRuleException extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	private final String field;

	public BusinessRuleException(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	/** The form field the rule is about, or an empty string for the whole record. */
	public String field() {
		return field;
	}

}
