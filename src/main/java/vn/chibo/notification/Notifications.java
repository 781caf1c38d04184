package vn.chibo.notification;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.shared.web.SiteProperties;

/**
 * Sends a notice to members: a line in each one's in-app list and an e-mail to those with
 * an address. The notice is a message key with arguments — {@code notification.<key>} for
 * the list, {@code notification.<key>.subject} and {@code .body} for the e-mail, in
 * Vietnamese — and a link inside chibo. Runs in the caller's transaction; the e-mails
 * leave after it commits.
 */
@Service
public class Notifications {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final MailOutbox outbox;

	private final String baseUrl;

	Notifications(JdbcClient jdbc, MessageSource messages, MailOutbox outbox, SiteProperties site) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.outbox = outbox;
		this.baseUrl = site.baseUrl();
	}

	/** Answers how many e-mails were queued. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int send(long committeeId, Collection<Recipient> recipients, String kind, String key, List<String> arguments,
			String link) {
		var args = arguments.toArray(String[]::new);
		var subject = messages.getMessage("notification." + key + ".subject", args, VI);
		var body = messages.getMessage("notification." + key + ".body", args, VI) + "\n\n" + baseUrl + link + "\n\n"
				+ messages.getMessage("notification.mail.footer", null, VI);
		var mails = 0;
		for (var recipient : recipients) {
			jdbc.sql("""
					insert into notification (committee_id, member_id, kind, message_key, arguments, link)
					values (:committee, :member, :kind, :key, cast(:args as text[]), :link)
					""")
				.param("committee", committeeId)
				.param("member", recipient.memberId())
				.param("kind", kind)
				.param("key", key)
				.param("args", args)
				.param("link", link)
				.update();
			if (recipient.email() != null && !recipient.email().isBlank()) {
				outbox.queue(committeeId, recipient.email().strip(), subject, body);
				mails++;
			}
		}
		return mails;
	}

	/**
	 * An e-mail alone, not kept in anyone's list (a link to set a new password): queued
	 * in the calling transaction, sent after it commits.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void email(long committeeId, String address, String key, List<String> arguments, String link) {
		var args = arguments.toArray(String[]::new);
		var subject = messages.getMessage("notification." + key + ".subject", args, VI);
		var body = messages.getMessage("notification." + key + ".body", args, VI) + "\n\n" + baseUrl + link + "\n\n"
				+ messages.getMessage("notification.mail.footer", null, VI);
		outbox.queue(committeeId, address.strip(), subject, body);
	}

}
