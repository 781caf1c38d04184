package vn.chibo.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.ChiboTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes flushing the outbox at once (two outboxes on one database) send every mail
 * exactly once.
 */
@ChiboTest
class MailOutboxTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectProvider<JavaMailSender> sender;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	GreenMail mail;

	@Autowired
	MeterRegistry meters;

	@Test
	void twoNodesFlushingAtOnceSendEachMailOnce() throws Exception {
		var committee = jdbc.sql("select id from committee order by id limit 1").query(Long.class).single();
		var properties = new MailProperties("chibo@localhost");
		var node1 = new MailOutbox(jdbc, sender, properties, transaction, meters);
		var node2 = new MailOutbox(jdbc, sender, properties, transaction, meters);
		var sentBefore = meters.counter("chibo.mails", "outcome", "sent").count();
		var tag = "outbox-" + System.nanoTime();
		for (var i = 0; i < 40; i++) {
			// queued outside a transaction: nothing flushes until the nodes do
			node1.queue(committee, "member" + i + "@" + tag + ".test", tag, "body " + i);
		}

		try (var pool = Executors.newFixedThreadPool(2)) {
			var flushes = pool.invokeAll(List.<Callable<Void>>of(() -> {
				node1.flush();
				return null;
			}, () -> {
				node2.flush();
				return null;
			}));
			for (var flush : flushes) {
				flush.get();
			}
		}

		var received = Arrays.stream(mail.getReceivedMessages()).filter((m) -> subject(m).equals(tag)).toList();
		assertThat(received).hasSize(40);
		assertThat(received.stream().map(MailOutboxTests::to).distinct()).hasSize(40);
		// counted for /actuator/prometheus (chibo_mails_total{outcome="sent"})
		assertThat(meters.counter("chibo.mails", "outcome", "sent").count()).isGreaterThanOrEqualTo(sentBefore + 40);
		assertThat(jdbc.sql("select count(*) from mail_outbox where subject = :tag and sent_at is null")
			.param("tag", tag)
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * A start from the ahead-of-time processed configuration has a mail sender even with
	 * no SMTP server configured (docs/operations.md, "A faster start"): the mail waits,
	 * as without a sender, rather than failing against a server that is not there.
	 */
	@Test
	void aSenderWithoutAServerLeavesTheMailWaiting() {
		var committee = jdbc.sql("select id from committee order by id limit 1").query(Long.class).single();
		var unconfigured = new StaticListableBeanFactory(Map.of("mailSender", new JavaMailSenderImpl()))
			.getBeanProvider(JavaMailSender.class);
		var outbox = new MailOutbox(jdbc, unconfigured, new MailProperties("chibo@localhost"), transaction, meters);
		var failedBefore = meters.counter("chibo.mails", "outcome", "failed").count();
		var tag = "no-server-" + System.nanoTime();
		outbox.queue(committee, "member@" + tag + ".test", tag, "body");

		outbox.flush();

		assertThat(meters.counter("chibo.mails", "outcome", "failed").count()).isEqualTo(failedBefore);
		assertThat(jdbc.sql("select count(*) from mail_outbox where subject = :tag and sent_at is null")
			.param("tag", tag)
			.query(Long.class)
			.single()).isOne();
	}

	private static String subject(MimeMessage message) {
		try {
			return String.valueOf(message.getSubject());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String to(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
