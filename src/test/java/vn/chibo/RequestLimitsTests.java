package vn.chibo;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.meeting.MeetingForm;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.minutes.MeetingMinutes;
import vn.chibo.meeting.minutes.MinutesEntries;
import vn.chibo.meeting.MeetingService;
import vn.chibo.shared.web.BusinessRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * One request cannot take more than its share: a body over the limit is refused before it
 * is read, and every text of the minutes has a length it cannot pass.
 */
@ChiboTest
class RequestLimitsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MeetingService meetings;

	@Autowired
	MeetingMinutes minutes;

	@Autowired
	MinutesEntries entries;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBodyOverTheLimitIsRefusedWithAMessage() {
		var people = fixtures.people();
		var office = people.committee().office();
		var member = people.member().memberId();
		var huge = "{\"fullName\": \"" + "A".repeat(3 * 1024 * 1024) + "\"}";
		assertThat(mvc.put()
			.uri("/api/v1/members/{id}", member)
			.with(httpBasic(fixtures.account(office), DemoUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(huge)).hasStatus(413).bodyText().contains("tối đa 2 MB");
		assertThat(mvc.post()
			.uri("/meetings/plan")
			.with(user(office))
			.with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("year=2044&note=" + "x".repeat(3 * 1024 * 1024))).hasStatus(413);
	}

	@Test
	void everyTextOfTheMinutesHasALength() {
		var people = fixtures.people();
		var secretary = people.secretary();
		var form = new MeetingForm();
		form.setBranchId(people.branch());
		form.setKind(MeetingKind.EXTRAORDINARY);
		form.setScheduledOn(LocalDate.of(2044, 8, 8));
		var id = meetings.schedule(secretary, form);
		var before = jdbc.sql("select count(*) from meeting_speech where committee_id = :c and meeting_id = :id")
			.param("c", secretary.committeeId())
			.param("id", id)
			.query(Long.class);
		var longText = "Ý kiến rất dài. ".repeat(7_000);
		assertThatThrownBy(() -> entries.addSpeech(secretary, id, null, "Khách mời", longText))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> {
				assertThat(ex.field()).isEqualTo("content");
				assertThat(ex.messageKey()).isEqualTo("meeting.text.max");
			});
		assertThatThrownBy(() -> entries.addProposal(secretary, id, "Đồng chí A", longText))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("proposal"));
		assertThatThrownBy(() -> entries.addTarget(secretary, id, longText))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("target"));
		// Through the page: the message, nothing stored.
		assertThat(mvc.post()
			.uri("/meetings/{id}/speeches", id)
			.with(user(secretary))
			.with(csrf())
			.param("guestName", "Khách mời")
			.param("content", longText)).hasStatus3xxRedirection().flash().containsKey("flashError");
		assertThat(before.single()).isZero();
	}

}
