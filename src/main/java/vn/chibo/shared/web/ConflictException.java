package vn.chibo.shared.web;

/**
 * A save made from an older version of a record than the one stored: somebody else saved
 * in between. Screens show it like any broken rule, keeping the user's input; the API
 * answers 409 Conflict.
 */
public class ConflictException extends BusinessRuleException {

	public ConflictException(String messageKey, Object... arguments) {
		super("", messageKey, arguments);
	}

}
