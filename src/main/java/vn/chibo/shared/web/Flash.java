package vn.chibo.shared.web;

import java.io.Serializable;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Messages that survive a POST → redirect → GET, as keys with arguments (never text), and
 * the mapping of a broken rule onto the form field it is about.
 */
public final class Flash {

	private Flash() {
	}

	// kept in the session (in PostgreSQL) across the redirect: serializable
	public record Message(String key, Object[] args) implements Serializable {
	}

	public static void success(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("flashSuccess", new Message(key, args));
	}

	public static void error(RedirectAttributes redirect, BusinessRuleException ex) {
		redirect.addFlashAttribute("flashError", new Message(ex.messageKey(), ex.arguments()));
	}

	/**
	 * Runs a change for a POST that redirects: its success message if it holds, the
	 * broken rule's message if not (the transaction it ran in is rolled back). Answers
	 * whether it succeeded.
	 */
	public static boolean run(RedirectAttributes redirect, String successKey, Runnable change) {
		try {
			change.run();
			success(redirect, successKey);
			return true;
		}
		catch (BusinessRuleException ex) {
			error(redirect, ex);
			return false;
		}
	}

	/**
	 * Like {@link #run}, for a change that answers a figure the success message shows
	 * (how many were sent, added…).
	 */
	public static void report(RedirectAttributes redirect, String successKey, Supplier<?> change) {
		try {
			success(redirect, successKey, change.get());
		}
		catch (BusinessRuleException ex) {
			error(redirect, ex);
		}
	}

	/**
	 * For a page of several small forms that redirects: a value the binder could not read
	 * (a date typed wrong) as the error above the page, naming its field by
	 * {@code labelPrefix + field}. Answers whether there was one.
	 */
	public static boolean unreadable(BindingResult result, RedirectAttributes redirect, MessageSource messages,
			Locale locale, String labelPrefix) {
		var error = result.getFieldError();
		if (error == null) {
			return false;
		}
		redirect.addFlashAttribute("flashError", new Message("form.fieldUnreadable",
				new Object[] { messages.getMessage(labelPrefix + error.getField(), null, error.getField(), locale) }));
		return true;
	}

	public static void reject(BindingResult result, BusinessRuleException ex) {
		if (ex.field().isEmpty()) {
			result.reject(ex.messageKey(), ex.arguments(), null);
		}
		else {
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), null);
		}
	}

}
