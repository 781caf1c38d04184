package vn.chibo.study;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.shared.security.CheckInTokens;
import vn.chibo.study.checkin.StudyCheckIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@ChiboTest
class StudyCheckInTests {

	@Autowired
	StudyService study;

	@Autowired
	StudyCheckIn checkIn;

	@Autowired
	CheckInTokens tokens;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Clock clock;

	/** A session of the first branch for the branch, organised by its secretary. */
	private long session(Fixtures.People people, LocalDate heldOn) {
		var form = new StudySessionForm();
		form.setOrganizerId(people.branch());
		form.setKind(StudyKind.TOPIC);
		form.setTitle("Chuyên đề điểm danh QR " + heldOn);
		form.setHeldOn(heldOn);
		form.setAudience(Audience.BRANCHES);
		form.setBranchIds(new ArrayList<>(List.of(people.branch())));
		return study.create(people.secretary(), form);
	}

	private String status(long sessionId, long memberId) {
		return jdbc.sql("select status from study_attendance where session_id = :s and member_id = :m")
			.param("s", sessionId)
			.param("m", memberId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Test
	void aMemberScansTheOrganisersCodeOnTheDayAndIsPresentOnce() throws Exception {
		var today = LocalDate.now(clock.withZone(StudyService.ZONE));
		var people = fixtures.people();
		var id = session(people, today);
		var secretary = people.secretary();
		// "Show the QR code" takes the roster and opens the code's page.
		assertThat(mvc.post().uri("/study/{id}/check-in-code", id).with(user(secretary)).with(csrf()))
			.hasRedirectedUrl("/study/" + id + "/check-in-code");
		assertThat(mvc.get().uri("/study/{id}/check-in-code", id).with(user(secretary))).hasStatusOk()
			.bodyText()
			.contains("qr-image");
		assertThat(mvc.get().uri("/study/{id}/check-in-code.png", id).with(user(secretary))).hasStatusOk()
			.hasContentType("image/png");
		var token = checkIn.token(secretary, id);
		var member = people.member();
		assertThat(mvc.get().uri("/study/check-in?t={t}", token).with(user(member))).hasStatusOk()
			.bodyText()
			.contains("Chuyên đề điểm danh QR");
		assertThat(status(id, member.memberId())).isNull();
		assertThat(mvc.post().uri("/study/check-in").param("t", token).with(user(member)).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Đã điểm danh có mặt lúc");
		assertThat(status(id, member.memberId())).isEqualTo("PRESENT");
		assertThat(mvc.post().uri("/study/check-in").param("t", token).with(user(member)).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Đồng chí đã được điểm danh có mặt.");
		// Another branch's member is not on the roster; a meeting's code of the same
		// number
		// and an expired code are refused.
		assertThatThrownBy(() -> checkIn.checkIn(people.otherMember(), token)).hasFieldOrPropertyWithValue("messageKey",
				"study.checkIn.notOnRoster");
		var meetingCode = tokens.issue(CheckInTokens.Purpose.MEETING, member.committeeId(), id);
		assertThatThrownBy(() -> checkIn.checkIn(member, meetingCode)).hasFieldOrPropertyWithValue("messageKey",
				"checkIn.token.invalid");
		var expired = tokens.issue(CheckInTokens.Purpose.STUDY, member.committeeId(), id,
				clock.instant().minusSeconds(1));
		assertThatThrownBy(() -> checkIn.checkIn(member, expired)).hasFieldOrPropertyWithValue("messageKey",
				"checkIn.token.expired");
		assertThat(mvc.get().uri("/study/check-in?t={t}", "1.2.x.%%%").with(user(member))).hasStatusOk()
			.bodyText()
			.contains("Mã điểm danh không hợp lệ");
		// Only the organiser shows the code.
		assertThatThrownBy(() -> checkIn.token(member, id)).isInstanceOf(AccessDeniedException.class);
		assertThat(jdbc
			.sql("select count(*) from audit_event where entity_type = 'study' and entity_id = :id "
					+ "and action = 'checkIn'")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theCodeIsOnlyForTheSessionsDay() {
		var tomorrow = LocalDate.now(clock.withZone(StudyService.ZONE)).plusDays(1);
		var people = fixtures.people();
		var id = session(people, tomorrow);
		var secretary = people.secretary();
		study.takeRoster(secretary, id);
		assertThatThrownBy(() -> checkIn.token(secretary, id)).hasFieldOrPropertyWithValue("messageKey",
				"checkIn.notToday");
		var token = tokens.issue(CheckInTokens.Purpose.STUDY, secretary.committeeId(), id);
		assertThatThrownBy(() -> checkIn.checkIn(people.member(), token)).hasFieldOrPropertyWithValue("messageKey",
				"checkIn.notToday");
	}

}
