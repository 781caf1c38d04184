package vn.chibo.notification;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails wait here until the mail server takes them: queued in the changing transaction,
 * sent right after it commits, and retried every minute while the server refuses them (at
 * most ten attempts). Without a configured mail server ({@code spring.mail.host}) they
 * stay queued and members still find every notice in chibo.
 */
@Component
class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private static final int MAX_ATTEMPTS = 10;

	private final JdbcClient jdbc;

	private final Counter sent;

	private final Counter failed;

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	private final TransactionTemplate transaction;

	private final AtomicBoolean flushing = new AtomicBoolean();

	private final AtomicBoolean requested = new AtomicBoolean();

	MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, MailProperties properties,
			TransactionTemplate transaction, MeterRegistry meters) {
		this.sent = meters.counter("chibo.mails", "outcome", "sent");
		this.failed = meters.counter("chibo.mails", "outcome", "failed");
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.sender = sender;
		this.from = properties.from();
	}

	void queue(long committeeId, String to, String subject, String body) {
		jdbc.sql(
				"""
						insert into mail_outbox (committee_id, to_address, subject, body) values (:committee, :to, :subject, :body)
						""")
			.param("committee", committeeId)
			.param("to", to)
			.param("subject", subject)
			.param("body", body)
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Thread.ofVirtual().name("mail-outbox").start(MailOutbox.this::flush);
				}
			});
		}
	}

	/**
	 * Sends what waits; one flush at a time, and a flush asked for while another runs
	 * makes that one look again before it stops.
	 */
	@Scheduled(fixedDelayString = "${chibo.mail.retry-every:60s}", initialDelayString = "${chibo.mail.retry-every:60s}")
	void flush() {
		var mail = sender.getIfAvailable();
		// No SMTP server configured: the mail waits. (A start from the build's
		// ahead-of-time processed configuration has the sender without a host then;
		// docs/operations.md, "A faster start".)
		if (mail == null || (mail instanceof JavaMailSenderImpl configured && configured.getHost() == null)) {
			return;
		}
		requested.set(true);
		while (requested.get() && flushing.compareAndSet(false, true)) {
			try {
				requested.set(false);
				sendPending(mail);
			}
			finally {
				flushing.set(false);
			}
		}
	}

	/**
	 * Sends the waiting mail one by one, each claimed in a transaction of its own with
	 * {@code FOR UPDATE SKIP LOCKED}: nodes flushing at once share the queue and never
	 * send one mail twice; one that fails waits for the next flush.
	 */
	private void sendPending(JavaMailSender mail) {
		var after = 0L;
		for (var sent = 0; sent < 200; sent++) {
			var last = after;
			var claimed = transaction.execute((status) -> sendNext(mail, last));
			if (claimed == null) {
				return;
			}
			after = claimed;
		}
	}

	/** Sends the next waiting mail after {@code after}; answers its id, null if none. */
	private @Nullable Long sendNext(JavaMailSender mail, long after) {
		var item = jdbc.sql("""
				select id, to_address, subject, body from mail_outbox
				where sent_at is null and attempts < :max and id > :after
				order by id limit 1 for update skip locked
				""")
			.param("max", MAX_ATTEMPTS)
			.param("after", after)
			.query((rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional()
			.orElse(null);
		if (item == null) {
			return null;
		}
		try {
			var message = new SimpleMailMessage();
			message.setFrom(from);
			message.setTo(item.to());
			message.setSubject(item.subject());
			message.setText(item.body());
			mail.send(message);
			jdbc.sql("update mail_outbox set sent_at = now(), attempts = attempts + 1 where id = :id")
				.param("id", item.id())
				.update();
			sent.increment();
		}
		catch (RuntimeException ex) {
			log.warn("Mail to {} not sent: {}", item.to(), ex.getMessage());
			failed.increment();
			jdbc.sql("update mail_outbox set attempts = attempts + 1, last_error = :error where id = :id")
				.param("error", String.valueOf(ex.getMessage()))
				.param("id", item.id())
				.update();
		}
		return item.id();
	}

	private record Pending(long id, String to, String subject, String body) {
	}

}
