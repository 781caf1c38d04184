package vn.chibo.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.classification.ClassificationReport;
import vn.chibo.evaluation.EvaluationQueries;
import vn.chibo.inspection.InspectionAccess;
import vn.chibo.inspection.InspectionFigures;
import vn.chibo.meeting.MeetingFigures;
import vn.chibo.member.MemberFigures;
import vn.chibo.member.TheoryLevel;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.recognition.Awards;
import vn.chibo.recognition.ContestQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.study.StudyFigures;
import vn.chibo.training.CourseKind;
import vn.chibo.training.EnrolmentStatus;
import vn.chibo.training.TrainingQueries;

/**
 * The figures of one year that a term report puts side by side (docs/domain.md §12): each
 * read through the owning module's queries, for the user's part of the tree. A figure is
 * a count over the year ("flow", summed over the term: meetings, admissions, members
 * rated at a level — lượt) or a state at the year's end ("stock", the term's is its last
 * year's: members).
 */
@Component
@Transactional(readOnly = true)
class TermFigures {

	/** The figures of a term report, in the order of its tables. */
	enum Figure {

		MEMBERS(false), ADMITTED(true), MADE_OFFICIAL(true), TRANSFERRED_IN(true), TRANSFERRED_OUT(true), DIED(true),
		REMOVED(true), REGULAR_MEETINGS(true), THEMATIC_MEETINGS(true), ATTENDANCE(false), MEETINGS_GOOD(true),
		MEETINGS_FAIR(true), MEETINGS_AVERAGE(true), MEETINGS_WEAK(true), MEETINGS_PASS(true), MEETINGS_FAIL(true),
		STUDY_SESSIONS(true), REFLECTIONS(true), THEORY_ADVANCED(true), THEORY_INTERMEDIATE(true),
		THEORY_ELEMENTARY(true), OTHER_COURSES(true), INSPECTIONS_PLANNED(true), INSPECTIONS_CONCLUDED(true),
		DISCIPLINE(true), MEMBERS_EXCELLENT(true), MEMBERS_GOOD(true), MEMBERS_PASS(true), MEMBERS_FAIL(true),
		ORGS_EXCELLENT(true), ORGS_GOOD(true), ORGS_PASS(true), ORGS_FAIL(true), AWARDS_MEMBERS(true),
		AWARDS_COLLECTIVES(true), CONTEST_PRIZES(true);

		private final boolean flow;

		Figure(boolean flow) {
			this.flow = flow;
		}

		boolean flow() {
			return flow;
		}

	}

	/** A year's figures; a figure the reader may not see is absent. */
	record Year(int year, Map<Figure, Integer> values, String committeeLevel) {

		Integer get(Figure figure) {
			return values.getOrDefault(figure, 0);
		}

	}

	private final MemberFigures members;

	private final MeetingFigures meetings;

	private final EvaluationQueries evaluation;

	private final StudyFigures study;

	private final TrainingQueries training;

	private final InspectionFigures inspection;

	private final InspectionAccess inspectionAccess;

	private final ClassificationReport classification;

	private final Awards awards;

	private final ContestQueries contests;

	private final OrganizationQueries organizations;

	TermFigures(MemberFigures members, MeetingFigures meetings, EvaluationQueries evaluation, StudyFigures study,
			TrainingQueries training, InspectionFigures inspection, InspectionAccess inspectionAccess,
			ClassificationReport classification, Awards awards, ContestQueries contests,
			OrganizationQueries organizations) {
		this.members = members;
		this.meetings = meetings;
		this.evaluation = evaluation;
		this.study = study;
		this.training = training;
		this.inspection = inspection;
		this.inspectionAccess = inspectionAccess;
		this.classification = classification;
		this.awards = awards;
		this.contests = contests;
		this.organizations = organizations;
	}

	/**
	 * Whether the reader's report holds the inspection figures: the committee's, to
	 * insiders and followers.
	 */
	boolean showsInspection(CurrentUser user) {
		var scope = organizations.find(user.committeeId(), user.scopeOrganizationId()).orElseThrow();
		return !scope.level().holdsMembers() && inspectionAccess.readsProgramme(user);
	}

	Year year(CurrentUser user, int year) {
		var v = new HashMap<Figure, Integer>();
		for (var b : members.year(user, year)) {
			v.merge(Figure.MEMBERS, b.members(), Integer::sum);
			v.merge(Figure.ADMITTED, b.admitted(), Integer::sum);
			v.merge(Figure.MADE_OFFICIAL, b.madeOfficial(), Integer::sum);
			v.merge(Figure.TRANSFERRED_IN, b.transferredIn(), Integer::sum);
			v.merge(Figure.TRANSFERRED_OUT, b.transferredOut(), Integer::sum);
			v.merge(Figure.DIED, b.died(), Integer::sum);
			v.merge(Figure.REMOVED, b.removed(), Integer::sum);
		}
		var counted = 0;
		var attended = 0;
		for (var b : meetings.year(user, year)) {
			v.merge(Figure.REGULAR_MEETINGS, b.regular(), Integer::sum);
			v.merge(Figure.THEMATIC_MEETINGS, b.thematic(), Integer::sum);
			counted += b.counted();
			attended += b.attended();
		}
		if (counted > 0) {
			v.put(Figure.ATTENDANCE, Math.round(100f * attended / counted));
		}
		// Meetings scored by level: Tốt to Kém on the 100-point rubrics, Đạt / Không đạt
		// under 12-HD/BTCTW (docs/domain.md §6).
		for (var q : evaluation.dashboard(user, year, null).quarters()) {
			v.merge(Figure.MEETINGS_GOOD, q.good(), Integer::sum);
			v.merge(Figure.MEETINGS_FAIR, q.fair(), Integer::sum);
			v.merge(Figure.MEETINGS_AVERAGE, q.average(), Integer::sum);
			v.merge(Figure.MEETINGS_WEAK, q.weak(), Integer::sum);
			v.merge(Figure.MEETINGS_PASS, q.pass(), Integer::sum);
			v.merge(Figure.MEETINGS_FAIL, q.fail(), Integer::sum);
		}
		var studied = study.year(user, year);
		v.put(Figure.STUDY_SESSIONS, (int) studied.sessions());
		v.put(Figure.REFLECTIONS, studied.branches().stream().mapToInt((b) -> (int) b.handedIn()).sum());
		for (var e : training.plan(user, year)) {
			if (e.status() == EnrolmentStatus.COMPLETED) {
				v.merge(courseFigure(e.kind(), e.level()), 1, Integer::sum);
			}
		}
		if (showsInspection(user)) {
			var f = inspection.year(user, year);
			v.put(Figure.INSPECTIONS_PLANNED, f.planned());
			v.put(Figure.INSPECTIONS_CONCLUDED, f.concluded());
			v.put(Figure.DISCIPLINE, f.disciplineByForm().values().stream().mapToInt(Integer::intValue).sum());
		}
		var rated = classification.counts(user, year);
		v.put(Figure.MEMBERS_EXCELLENT, rated.excellent());
		v.put(Figure.MEMBERS_GOOD, rated.good());
		v.put(Figure.MEMBERS_PASS, rated.pass());
		v.put(Figure.MEMBERS_FAIL, rated.fail());
		v.put(Figure.ORGS_EXCELLENT, rated.branchesExcellent());
		v.put(Figure.ORGS_GOOD, rated.branchesGood());
		v.put(Figure.ORGS_PASS, rated.branchesPass());
		v.put(Figure.ORGS_FAIL, rated.branchesFail());
		for (var a : awards.list(user, year)) {
			v.merge((a.memberId() != null) ? Figure.AWARDS_MEMBERS : Figure.AWARDS_COLLECTIVES, 1, Integer::sum);
		}
		var visible = organizations.subtreeIds(user.committeeId(), user.scopeOrganizationId());
		for (var c : contests.list(user, year)) {
			var prizes = contests.contest(user, c.id())
				.ranking()
				.stream()
				.filter((e) -> e.prize() != null && visible.contains(e.branchId()))
				.count();
			v.merge(Figure.CONTEST_PRIZES, (int) prizes, Integer::sum);
		}
		return new Year(year, v, (rated.committee() != null) ? rated.committee().name() : "");
	}

	List<Year> years(CurrentUser user, int first, int last) {
		return IntStream.rangeClosed(first, last).mapToObj((y) -> year(user, y)).toList();
	}

	private static Figure courseFigure(CourseKind kind, @Nullable TheoryLevel level) {
		if (kind != CourseKind.THEORY || level == null) {
			return Figure.OTHER_COURSES;
		}
		return switch (level) {
			case ADVANCED, BACHELOR -> Figure.THEORY_ADVANCED;
			case INTERMEDIATE -> Figure.THEORY_INTERMEDIATE;
			default -> Figure.THEORY_ELEMENTARY;
		};
	}

}
