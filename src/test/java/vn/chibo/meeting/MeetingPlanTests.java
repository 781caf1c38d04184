package vn.chibo.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.chibo.ChiboTest;
import vn.chibo.Fixtures;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;
import vn.chibo.shared.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A branch's year plan, thematic meetings, the calendar and month pages and the
 * preparation steps. Each test on a committee of its own.
 */
@ChiboTest
class MeetingPlanTests {

	@Autowired
	MeetingService meetings;

	@Autowired
	MeetingQueries queries;

	@Autowired
	YearPlan yearPlan;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvcTester mvc;

	/** The first branch of a committee of the test's own, and the second. */
	private long branch;

	private long otherBranch;

	/** The first branch's secretary and one of its members. */
	private CurrentUser secretary;

	private CurrentUser member;

	/** The second branch's secretary and one of its members. */
	private CurrentUser otherSecretary;

	private CurrentUser otherMember;

	@BeforeEach
	void aCommitteeOfItsOwn() {
		var people = fixtures.people();
		branch = people.branch();
		otherBranch = people.otherBranch();
		secretary = people.secretary();
		member = people.member();
		otherSecretary = people.otherSecretary();
		otherMember = people.otherMember();
	}

	private MeetingForm thematic(long branchId, LocalDate on, String topic, TopicGroup group) {
		var form = new MeetingForm();
		form.setBranchId(branchId);
		form.setKind(MeetingKind.THEMATIC);
		form.setScheduledOn(on);
		form.setTopic(topic);
		form.setTopicGroup(group);
		return form;
	}

	@Test
	void plansOneRegularMeetingAMonthOnTheUsualDayOnce() {
		meetings.setRegularDay(secretary, branch, 20);
		assertThat(meetings.planYear(secretary, branch, 2031)).isEqualTo(12);
		assertThat(meetings.planYear(secretary, branch, 2031)).isZero();
		var plan = queries.calendar(secretary, 2031, branch);
		assertThat(plan).hasSize(12).allSatisfy((m) -> {
			assertThat(m.kind()).isEqualTo(MeetingKind.REGULAR);
			assertThat(m.scheduledOn().getDayOfMonth()).isEqualTo(20);
		});
		assertThat(yearPlan.warnings(secretary, 2031, branch)).extracting(PlanWarning::kind)
			.containsOnly(PlanWarning.Kind.NO_THEMATIC_IN_QUARTER)
			.hasSize(4);
	}

	@Test
	void aThematicMeetingFillsItsQuarterAndNeedsATopic() {
		meetings.planYear(secretary, branch, 2032);
		meetings.schedule(secretary, thematic(branch, LocalDate.of(2032, 5, 12), "Học tập và làm theo Bác năm 2032",
				TopicGroup.HO_CHI_MINH));
		assertThat(yearPlan.warnings(secretary, 2032, branch)).extracting(PlanWarning::period).containsExactly(1, 3, 4);
		assertThatThrownBy(() -> meetings.schedule(secretary,
				thematic(branch, LocalDate.of(2032, 8, 12), " ", TopicGroup.CAPACITY)))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("topic"));
		var form = thematic(branch, LocalDate.of(2032, 8, 12), "Chủ đề", TopicGroup.CAPACITY);
		form.setPreparerMemberId(otherMember.memberId());
		assertThatThrownBy(() -> meetings.schedule(secretary, form)).isInstanceOfSatisfying(BusinessRuleException.class,
				(ex) -> assertThat(ex.field()).isEqualTo("preparerMemberId"));
	}

	@Test
	void aSecretaryPlansOnlyTheirBranchAndMembersPlanNothing() {
		assertThatThrownBy(() -> meetings.planYear(secretary, otherBranch, 2033)).isInstanceOf(NotFoundException.class);
		assertThat(mvc.post()
			.uri("/meetings/plan")
			.with(user(member))
			.with(csrf())
			.param("branchId", String.valueOf(branch))
			.param("year", "2033")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(queries.calendar(secretary, 2033, otherBranch)).isEmpty();
	}

	@Test
	void theCalendarPageShowsTheGridAndItsGaps() {
		meetings.planYear(secretary, branch, 2034);
		var page = mvc.get().uri("/meetings?year=2034&branchId={b}", branch).with(user(member));
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("Chi bộ Văn phòng")
			.contains("quý 1/2034")
			.doesNotContain("plan-year");
		assertThat(mvc.get().uri("/meetings?year=2034").with(user(member))).hasStatusOk()
			.bodyText()
			.doesNotContain("Chi bộ Nghiệp vụ");
	}

	@Test
	void theMonthViewPlacesEachMeetingOnItsDay() {
		var form = thematic(branch, LocalDate.of(2042, 2, 11), "Chủ đề tháng hai", TopicGroup.OTHER);
		meetings.schedule(secretary, form);
		assertThat(mvc.get().uri("/meetings/month?year=2042&month=2").with(user(secretary))).hasStatusOk()
			.bodyText()
			.contains("Lịch sinh hoạt tháng 2/2042")
			.contains("11/02/2042 · Chuyên đề")
			.contains("month=3");
		assertThat(mvc.get().uri("/meetings/month?year=2042&month=2").with(user(otherSecretary))).hasStatusOk()
			.bodyText()
			.doesNotContain("11/02/2042");
	}

	@Test
	void preparationStepsRecordTheirTimeAndLateEntriesTheirReason() {
		var id = meetings.schedule(secretary,
				thematic(branch, LocalDate.of(2036, 3, 20), "Phòng, chống ma túy", TopicGroup.OTHER));
		var before = OffsetDateTime.now();
		meetings.prepare(secretary, id, PreparationStep.NOTICE_SENT, null, null, "Qua nhóm Zalo chi bộ");
		assertThatThrownBy(() -> meetings.prepare(secretary, id, PreparationStep.NOTICE_SENT, null, null, null))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("meeting.prepare.already"));
		var earlier = OffsetDateTime.now().minusDays(3);
		assertThatThrownBy(() -> meetings.prepare(secretary, id, PreparationStep.EXECUTIVE_MEETING, earlier, " ", null))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("lateReason"));
		assertThatThrownBy(() -> meetings.prepare(secretary, id, PreparationStep.EXECUTIVE_MEETING,
				OffsetDateTime.now().plusDays(1), "x", null))
			.isInstanceOfSatisfying(BusinessRuleException.class, (ex) -> assertThat(ex.field()).isEqualTo("doneAt"));
		meetings.prepare(secretary, id, PreparationStep.EXECUTIVE_MEETING, earlier, "Quên ghi nhận", null);
		var steps = queries.preparation(secretary, id);
		assertThat(steps).extracting(PreparationRow::step).containsExactly(PreparationStep.values());
		assertThat(steps.get(0).lateReason()).isEqualTo("Quên ghi nhận");
		assertThat(steps.get(0).doneAt().toInstant()).isEqualTo(earlier.toInstant().truncatedTo(ChronoUnit.MICROS));
		assertThat(steps.get(2).doneAt()).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.SECONDS));
		assertThat(steps.get(2).doneBy()).isEqualTo(secretary.username());
		assertThat(steps.get(1).done()).isFalse();
		assertThatThrownBy(() -> meetings.prepare(otherSecretary, id, PreparationStep.DRAFTS_READY, null, null, null))
			.isInstanceOf(NotFoundException.class);
		assertThat(mvc.get().uri("/meetings/{id}", id).with(user(member))).hasStatusOk()
			.bodyText()
			.contains("Quên ghi nhận");
		assertThat(mvc.get().uri("/meetings/{id}", id).with(user(otherMember))).hasStatus(HttpStatus.NOT_FOUND);
	}

}
