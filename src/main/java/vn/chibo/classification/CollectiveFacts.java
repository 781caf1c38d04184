package vn.chibo.classification;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.evaluation.EvaluationQueries;
import vn.chibo.inspection.InspectionAccess;
import vn.chibo.inspection.InspectionQueries;
import vn.chibo.inspection.InspectionStatus;
import vn.chibo.meeting.MeetingFigures;
import vn.chibo.member.MemberFigures;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.study.StudyFigures;
import vn.chibo.training.EnrolmentStatus;
import vn.chibo.training.TrainingQueries;

/**
 * The draft of an organisation's collective self-review report (docs/domain.md §7 step 1,
 * Mẫu 01): its year as chibo recorded it — meetings held by kind with attendance and the
 * year's quality level, admissions, study, training, the inspections concluded about it,
 * discipline and its members' classification — each read through its module; the
 * committee's is the sum of its branches'.
 */
@Component
@Transactional(readOnly = true)
class CollectiveFacts {

	private final MeetingFigures meetings;

	private final EvaluationQueries evaluation;

	private final MemberFigures members;

	private final StudyFigures study;

	private final TrainingQueries training;

	private final InspectionQueries inspections;

	private final InspectionAccess inspectionAccess;

	private final MessageSource messages;

	CollectiveFacts(MeetingFigures meetings, EvaluationQueries evaluation, MemberFigures members, StudyFigures study,
			TrainingQueries training, InspectionQueries inspections, InspectionAccess inspectionAccess,
			MessageSource messages) {
		this.meetings = meetings;
		this.evaluation = evaluation;
		this.members = members;
		this.study = study;
		this.training = training;
		this.inspections = inspections;
		this.inspectionAccess = inspectionAccess;
		this.messages = messages;
	}

	/** A branch's (or, summed, the committee's) year in figures. */
	private static final class Tally {

		int regular;

		int thematic;

		int counted;

		int attended;

		int admitted;

		int madeOfficial;

		long sessions;

		long roster;

		long present;

		long handedIn;

		int trained;

		int inspected;

		void add(Tally t) {
			regular += t.regular;
			thematic += t.thematic;
			counted += t.counted;
			attended += t.attended;
			admitted += t.admitted;
			madeOfficial += t.madeOfficial;
			sessions = Math.max(sessions, t.sessions);
			roster += t.roster;
			present += t.present;
			handedIn += t.handedIn;
			trained += t.trained;
			inspected += t.inspected;
		}

	}

	/** The draft report of each organisation of the year's rows, by organisation. */
	Map<Long, String> drafts(CurrentUser user, int year, List<OrganizationReviews.Row> rows) {
		var tallies = new HashMap<Long, Tally>();
		for (var m : meetings.year(user, year)) {
			var t = tallies.computeIfAbsent(m.branchId(), (k) -> new Tally());
			t.regular = m.regular();
			t.thematic = m.thematic();
			t.counted = m.counted();
			t.attended = m.attended();
		}
		for (var m : members.year(user, year)) {
			var t = tallies.computeIfAbsent(m.branchId(), (k) -> new Tally());
			t.admitted = m.admitted();
			t.madeOfficial = m.madeOfficial();
		}
		for (var b : study.year(user, year).branches()) {
			var t = tallies.computeIfAbsent(b.branchId(), (k) -> new Tally());
			t.sessions = b.sessions();
			t.roster = b.roster();
			t.present = b.present();
			t.handedIn = b.handedIn();
		}
		for (var e : training.plan(user, year)) {
			if (e.status() == EnrolmentStatus.COMPLETED) {
				tallies.computeIfAbsent(e.branchId(), (k) -> new Tally()).trained++;
			}
		}
		if (inspectionAccess.readsProgramme(user)) {
			for (var item : inspections.programme(user, year).items()) {
				if (item.status() == InspectionStatus.CONCLUDED) {
					tallies.computeIfAbsent(item.branchId(), (k) -> new Tally()).inspected++;
				}
			}
		}
		var levels = new HashMap<Long, String>();
		evaluation.dashboard(user, year, null).rows().forEach((r) -> {
			if (r.level() != null) {
				levels.put(r.branchId(), text("evaluation.level." + r.level()));
			}
		});
		var drafts = new HashMap<Long, String>();
		var total = new Tally();
		var rated = new int[5];
		var disciplined = 0;
		for (var row : rows) {
			if (row.committee()) {
				continue;
			}
			var t = tallies.getOrDefault(row.organizationId(), new Tally());
			total.add(t);
			disciplined += row.disciplined();
			var levelCounts = new int[] { row.memberLevels().getOrDefault(ReviewLevel.EXCELLENT, 0),
					row.memberLevels().getOrDefault(ReviewLevel.GOOD, 0),
					row.memberLevels().getOrDefault(ReviewLevel.PASS, 0),
					row.memberLevels().getOrDefault(ReviewLevel.FAIL, 0) };
			for (var i = 0; i < 4; i++) {
				rated[i] += levelCounts[i];
			}
			rated[4] += row.membersRated();
			drafts.put(row.organizationId(),
					draft(year, t, levels.getOrDefault(row.organizationId(), text("classification.collective.noLevel")),
							row.disciplined(), row.membersRated(), levelCounts));
		}
		for (var row : rows) {
			if (row.committee()) {
				drafts.put(row.organizationId(), draft(year, total, text("classification.collective.branches"),
						disciplined, rated[4], new int[] { rated[0], rated[1], rated[2], rated[3] }));
			}
		}
		return drafts;
	}

	private String draft(int year, Tally t, String level, int disciplined, int rated, int[] levels) {
		var percent = (t.counted == 0) ? 0 : Math.round(100f * t.attended / t.counted);
		var studied = (t.roster == 0) ? 0 : Math.round(100f * t.present / t.roster);
		return String.join("\n",
				text("classification.collective.meetings", String.valueOf(year), t.regular, t.thematic, percent, level),
				text("classification.collective.members", t.admitted, t.madeOfficial),
				text("classification.collective.study", t.sessions, studied, t.handedIn, t.trained),
				text("classification.collective.inspection", t.inspected, disciplined),
				text("classification.collective.rated", rated, levels[0], levels[1], levels[2], levels[3]));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.forLanguageTag("vi"));
	}

}
