package vn.chibo.account;

import jakarta.servlet.http.Cookie;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.DemoUsers;
import vn.chibo.Fixtures;
import vn.chibo.member.TheoryLevel;
import vn.chibo.shared.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A member changes their own password with the current one, or sets a new one through a
 * one-time link sent by e-mail that expires; asking for a link tells nothing about which
 * names exist.
 */
@ChiboTest
class PasswordTests {

	private static final Pattern LINK = Pattern.compile("/login/reset\\?token=([A-Za-z0-9_-]+)");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	/**
	 * A member account, in a committee of its own, whose member has the e-mail address on
	 * their record.
	 */
	private String account(String username, String email) {
		var committee = fixtures.committee();
		var member = fixtures.member(committee, committee.branch(2), "Hà Thị Thư", TheoryLevel.ELEMENTARY);
		fixtures.record(committee, member, (form) -> form.setEmail(email));
		accounts.create(committee.id(), username, DemoUsers.PASSWORD, "Đảng viên thử", Role.MEMBER, committee.branch(2),
				member);
		return username;
	}

	private Cookie login(String username, String password) {
		return DemoUsers.formLogin(mvc, username, password);
	}

	@Test
	void aMemberChangesTheirPasswordWithTheCurrentOne() {
		var name = account("thu.doi.mk", "thu-doi-mk@chibo.test");
		var session = login(name, DemoUsers.PASSWORD);
		var elsewhere = login(name, DemoUsers.PASSWORD);
		assertThat(mvc.get().uri("/account/password").cookie(session)).hasStatusOk()
			.bodyText()
			.contains("Đổi mật khẩu");
		assertThat(mvc.post()
			.uri("/account/password")
			.cookie(session)
			.with(csrf())
			.param("currentPassword", "khong-dung")
			.param("newPassword", "mat-khau-moi-1")
			.param("repeatPassword", "mat-khau-moi-1")).hasStatusOk()
			.bodyText()
			.contains("Mật khẩu hiện tại không đúng");
		assertThat(mvc.post()
			.uri("/account/password")
			.cookie(session)
			.with(csrf())
			.param("currentPassword", DemoUsers.PASSWORD)
			.param("newPassword", "mat-khau-moi-1")
			.param("repeatPassword", "mat-khau-moi-2")).bodyText().contains("không giống nhau");
		assertThat(mvc.post()
			.uri("/account/password")
			.cookie(session)
			.with(csrf())
			.param("currentPassword", DemoUsers.PASSWORD)
			.param("newPassword", "mat-khau-moi-1")
			.param("repeatPassword", "mat-khau-moi-1")).redirectedUrl().isEqualTo("/account/password");
		// Signed in where the change was made; signed out everywhere else.
		assertThat(mvc.get().uri("/meetings").cookie(session)).hasStatusOk();
		assertThat(mvc.get().uri("/meetings").cookie(elsewhere)).redirectedUrl().isEqualTo("/login?expired");
		login(name, "mat-khau-moi-1");
	}

	@Test
	void aForgottenPasswordIsSetThroughALinkThatWorksOnceAndExpires() throws Exception {
		var name = account("thu.quen.mk", "thu-quen-mk@chibo.test");
		// The same answer for a name that exists and one that does not.
		for (var asked : new String[] { name, "khong.co.ten.nay" }) {
			assertThat(mvc.post().uri("/login/forgot").with(csrf()).param("username", asked)).as(asked)
				.redirectedUrl()
				.isEqualTo("/login/forgot?sent");
		}
		var message = await("thu-quen-mk@chibo.test");
		var body = String.valueOf(message.getContent());
		var link = LINK.matcher(body);
		assertThat(link.find()).as(body).isTrue();
		var token = link.group(1);
		assertThat(mvc.get().uri("/login/reset?token={t}", token)).hasStatusOk().bodyText().contains("Mật khẩu mới");
		assertThat(mvc.post()
			.uri("/login/reset")
			.with(csrf())
			.param("token", token)
			.param("newPassword", "ngan")
			.param("repeatPassword", "ngan")).hasStatusOk().bodyText().contains("ít nhất 10");
		assertThat(mvc.post()
			.uri("/login/reset")
			.with(csrf())
			.param("token", token)
			.param("newPassword", "mat-khau-tu-link")
			.param("repeatPassword", "mat-khau-tu-link")).redirectedUrl().isEqualTo("/login?changed");
		login(name, "mat-khau-tu-link");
		// Once only.
		assertThat(mvc.post()
			.uri("/login/reset")
			.with(csrf())
			.param("token", token)
			.param("newPassword", "mat-khau-lan-hai")
			.param("repeatPassword", "mat-khau-lan-hai")).hasStatusOk().bodyText().contains("không còn dùng được");
		// An expired link does nothing either.
		mvc.post().uri("/login/forgot").with(csrf()).param("username", name).exchange();
		jdbc.sql("update password_reset set expires_at = now() - interval '1 minute' where used_at is null").update();
		var later = awaitCount("thu-quen-mk@chibo.test", 2);
		var second = LINK.matcher(String.valueOf(later.getContent()));
		assertThat(second.find()).isTrue();
		assertThat(mvc.get().uri("/login/reset?token={t}", second.group(1))).bodyText().contains("không còn dùng được");
		login(name, "mat-khau-tu-link");
	}

	private MimeMessage await(String address) {
		return awaitCount(address, 1);
	}

	private MimeMessage awaitCount(String address, int count) {
		var found = Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> Arrays.stream(mail.getReceivedMessages()).filter((m) -> {
				try {
					return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
						.anyMatch((r) -> r.toString().equals(address));
				}
				catch (MessagingException ex) {
					return false;
				}
			}).toArray(MimeMessage[]::new), (messages) -> messages.length >= count);
		return found[count - 1];
	}

}
