package vn.chibo.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.evaluation.EvaluationQueries;
import vn.chibo.evaluation.Level;
import vn.chibo.meeting.MeetingFigures;
import vn.chibo.member.MemberFigures;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.TheoryLevel;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.recognition.AwardKind;
import vn.chibo.recognition.Awards;
import vn.chibo.recognition.ContestQueries;
import vn.chibo.shared.print.ReportDocument;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.study.StudyFigures;
import vn.chibo.study.StudyQueries;
import vn.chibo.training.EnrolmentStatus;
import vn.chibo.training.TrainingQueries;

/**
 * The figure sections of the year report (docs/domain.md §12), each from the records of
 * one module read through its own queries: membership, meetings and their quality, study,
 * training, theory levels, contests and awards. Where a list shows what a figure counts,
 * the section links the figure to it.
 */
@Component
@Transactional(readOnly = true)
class YearSections {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final StudyQueries study;

	private final StudyFigures studyFigures;

	private final TrainingQueries training;

	private final Awards awards;

	private final ContestQueries contests;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final MessageSource messages;

	private final Clock clock;

	private final MemberFigures memberFigures;

	private final MeetingFigures meetingFigures;

	private final EvaluationQueries evaluation;

	YearSections(StudyQueries study, StudyFigures studyFigures, TrainingQueries training, Awards awards,
			ContestQueries contests, MemberQueries members, OrganizationQueries organizations, MessageSource messages,
			Clock clock, MemberFigures memberFigures, MeetingFigures meetingFigures, EvaluationQueries evaluation) {
		this.study = study;
		this.studyFigures = studyFigures;
		this.training = training;
		this.awards = awards;
		this.contests = contests;
		this.members = members;
		this.organizations = organizations;
		this.messages = messages;
		this.clock = clock;
		this.memberFigures = memberFigures;
		this.meetingFigures = meetingFigures;
		this.evaluation = evaluation;
	}

	ReportDocument.Section studySection(CurrentUser user, int year) {
		var figures = studyFigures.year(user, year);
		long roster = 0;
		long present = 0;
		long excused = 0;
		long unexcused = 0;
		long handedIn = 0;
		long flagged = 0;
		var grades = new long[4];
		var table = new ArrayList<List<String>>();
		table.add(List.of(text("study.report.branch"), text("yearReport.study.sessions"),
				text("yearReport.study.roster"), text("study.report.present"), text("yearReport.percent"),
				text("study.report.handedIn"), text("study.grade.EXCELLENT"), text("study.grade.GOOD"),
				text("study.grade.PASS"), text("study.grade.FAIL")));
		for (var b : figures.branches()) {
			table.add(List.of(b.branchName(), String.valueOf(b.sessions()), String.valueOf(b.roster()),
					String.valueOf(b.present()), percent(b.present(), b.roster()), String.valueOf(b.handedIn()),
					String.valueOf(b.excellent()), String.valueOf(b.good()), String.valueOf(b.pass()),
					String.valueOf(b.fail())));
			roster += b.roster();
			present += b.present();
			excused += b.excused();
			unexcused += b.unexcused();
			handedIn += b.handedIn();
			flagged += b.flagged();
			grades[0] += b.excellent();
			grades[1] += b.good();
			grades[2] += b.pass();
			grades[3] += b.fail();
		}
		var paragraphs = new ArrayList<String>();
		if (figures.sessions() == 0) {
			paragraphs.add(text("yearReport.study.none", String.valueOf(year)));
			return new ReportDocument.Section(text("yearReport.section.study"), paragraphs, List.of());
		}
		table.add(List.of(text("study.report.total"), String.valueOf(figures.sessions()), String.valueOf(roster),
				String.valueOf(present), percent(present, roster), String.valueOf(handedIn), String.valueOf(grades[0]),
				String.valueOf(grades[1]), String.valueOf(grades[2]), String.valueOf(grades[3])));
		paragraphs.add(text("yearReport.study.sessions.text", String.valueOf(year), figures.sessions(),
				figures.committeeSessions(), figures.branchSessions()));
		for (var s : study.sessions(user, year).reversed()) {
			paragraphs.add(text("yearReport.study.session", DATE.format(s.heldOn()), s.title(), s.organizerName()));
		}
		paragraphs
			.add(text("yearReport.study.attendance", roster, present, percent(present, roster), excused, unexcused));
		paragraphs
			.add(text("yearReport.study.reflections", handedIn, grades[0], grades[1], grades[2], grades[3], flagged));
		return new ReportDocument.Section(text("yearReport.section.study"), paragraphs, table);
	}

	ReportDocument.Section trainingSection(CurrentUser user, int year) {
		// Each kind of course (theory by level), planned against completed.
		var rows = new LinkedHashMap<String, long[]>();
		long planned = 0;
		long completed = 0;
		long studying = 0;
		long withdrawn = 0;
		for (var e : training.plan(user, year)) {
			var name = text("training.kind." + e.kind())
					+ ((e.level() != null) ? " — " + text("member.theory." + e.level()) : "");
			var row = rows.computeIfAbsent(name, (k) -> new long[2]);
			if (e.status() == EnrolmentStatus.WITHDRAWN) {
				withdrawn++;
				continue;
			}
			row[0]++;
			planned++;
			if (e.status() == EnrolmentStatus.COMPLETED) {
				row[1]++;
				completed++;
			}
			else if (e.status() == EnrolmentStatus.ENROLLED) {
				studying++;
			}
		}
		var paragraphs = new ArrayList<String>();
		if (rows.isEmpty()) {
			paragraphs.add(text("yearReport.training.none", String.valueOf(year)));
			return new ReportDocument.Section(text("yearReport.section.training"), paragraphs, List.of());
		}
		paragraphs.add(text("yearReport.training.text", String.valueOf(year), planned, completed,
				percent(completed, planned), studying, withdrawn));
		var table = new ArrayList<List<String>>();
		table.add(List.of(text("yearReport.training.kind"), text("yearReport.training.planned"),
				text("yearReport.training.completed")));
		rows.forEach((name, counts) -> table.add(List.of(name, String.valueOf(counts[0]), String.valueOf(counts[1]))));
		return new ReportDocument.Section(text("yearReport.section.training"), paragraphs, table);
	}

	ReportDocument.Section theorySection(CurrentUser user) {
		var byLevel = new EnumMap<TheoryLevel, Long>(TheoryLevel.class);
		for (var count : members.theoryLevels(user)) {
			byLevel.merge(count.level(), count.members(), Long::sum);
		}
		return ReportDocument.Section.text(text("yearReport.section.theory"),
				List.of(text("yearReport.theory", DATE.format(LocalDate.now(clock)),
						byLevel.getOrDefault(TheoryLevel.BACHELOR, 0L) + byLevel.getOrDefault(TheoryLevel.ADVANCED, 0L),
						byLevel.getOrDefault(TheoryLevel.INTERMEDIATE, 0L),
						byLevel.getOrDefault(TheoryLevel.ELEMENTARY, 0L), byLevel.getOrDefault(TheoryLevel.NONE, 0L))));
	}

	ReportDocument.Section contestSection(CurrentUser user, int year) {
		// A branch's report names the contests its members or the branch entered, and
		// their prizes.
		var visible = organizations.subtreeIds(user.committeeId(), user.scopeOrganizationId());
		var whole = organizations.find(user.committeeId(), user.scopeOrganizationId())
			.map((o) -> !o.level().holdsMembers())
			.orElse(false);
		var paragraphs = new ArrayList<String>();
		for (var c : contests.list(user, year)) {
			var entries = contests.contest(user, c.id())
				.ranking()
				.stream()
				.filter((e) -> visible.contains(e.branchId()))
				.toList();
			if (entries.isEmpty() && !whole) {
				continue;
			}
			var prizes = new ArrayList<String>();
			for (var e : entries) {
				if (e.prize() != null) {
					prizes.add(text("yearReport.contest.prize", text("contest.prize." + e.prize()), e.entrantName()));
				}
			}
			paragraphs.add(text("yearReport.contest", c.title(), c.organiser(), entries.size(),
					prizes.isEmpty() ? text("yearReport.contest.noPrize") : String.join("; ", prizes)));
		}
		if (paragraphs.isEmpty()) {
			paragraphs.add(text("yearReport.contests.none", String.valueOf(year)));
		}
		return new ReportDocument.Section(text("yearReport.section.contests"), paragraphs, List.of());
	}

	ReportDocument.Section awardSection(CurrentUser user, int year) {
		var given = awards.list(user, year);
		var paragraphs = new ArrayList<String>();
		if (given.isEmpty()) {
			paragraphs.add(text("yearReport.awards.none", String.valueOf(year)));
			return new ReportDocument.Section(text("yearReport.section.awards"), paragraphs, List.of());
		}
		var byKind = new EnumMap<AwardKind, long[]>(AwardKind.class);
		for (var a : given) {
			var counts = byKind.computeIfAbsent(a.kind(), (k) -> new long[2]);
			counts[(a.memberId() != null) ? 0 : 1]++;
		}
		paragraphs.add(text("yearReport.awards.text", String.valueOf(year), given.size()));
		for (var a : given.reversed()) {
			paragraphs.add(text("yearReport.award", text("recognition.kind." + a.kind()),
					(a.badgeYears() != null) ? text("recognition.badge.title", a.badgeYears()) : a.title(),
					a.recipientName(), a.issuer(), (a.decisionNo() != null) ? a.decisionNo() : "",
					DATE.format(a.decidedOn())));
		}
		var table = new ArrayList<List<String>>();
		table.add(List.of(text("recognition.field.kind"), text("yearReport.awards.members"),
				text("yearReport.awards.collectives")));
		byKind.forEach((kind, counts) -> table
			.add(List.of(text("recognition.kind." + kind), String.valueOf(counts[0]), String.valueOf(counts[1]))));
		return new ReportDocument.Section(text("yearReport.section.awards"), paragraphs, table);
	}

	/**
	 * The membership of the year by branch (docs/domain.md §12), from the member records.
	 */
	ReportDocument.Section memberSection(CurrentUser user, int year) {
		var rows = memberFigures.year(user, year);
		var table = new ArrayList<List<String>>();
		table.add(List.of(text("study.report.branch"), text("yearReport.members.total"),
				text("yearReport.members.official"), text("yearReport.members.probationary"),
				text("yearReport.members.admitted"), text("yearReport.members.madeOfficial"),
				text("yearReport.members.in"), text("yearReport.members.out"), text("yearReport.members.exempted"),
				text("yearReport.members.died"), text("yearReport.members.removed")));
		var links = new ArrayList<List<String>>();
		links.add(List.of());
		// Today's member list counts this year's end as it stands.
		var current = year == LocalDate.now(clock).getYear();
		var sum = new int[10];
		for (var r : rows) {
			var list = "/members?branchId=" + r.branchId();
			links.add(current ? List.of(list, list, list + "&status=OFFICIAL", list + "&status=PROBATIONARY")
					: List.of(list));
			var values = new int[] { r.official(), r.probationary(), r.admitted(), r.madeOfficial(), r.transferredIn(),
					r.transferredOut(), r.exempted(), r.died(), r.removed() };
			var line = new ArrayList<String>();
			line.add(r.branchName());
			line.add(String.valueOf(r.members()));
			for (var i = 0; i < values.length; i++) {
				sum[i] += values[i];
				line.add(String.valueOf(values[i]));
			}
			table.add(line);
		}
		return new ReportDocument.Section(
				text("yearReport.section.members"), List.of(text("yearReport.members.text", String.valueOf(year),
						sum[0] + sum[1], sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7], sum[8])),
				table, links);
	}

	/**
	 * The branches' meetings of the year (docs/domain.md §5, §6, §12): held by kind, the
	 * members' attendance, and the quality of the year by branch with its distribution;
	 * each branch's figures link to its meetings and its evaluation of the year.
	 */
	ReportDocument.Section meetingSection(CurrentUser user, int year) {
		var levels = new HashMap<Long, Level>();
		var dashboard = evaluation.dashboard(user, year, null);
		dashboard.rows().forEach((r) -> {
			if (r.level() != null) {
				levels.put(r.branchId(), r.level());
			}
		});
		var table = new ArrayList<List<String>>();
		var links = new ArrayList<List<String>>();
		table.add(List.of(text("study.report.branch"), text("yearReport.meetings.regular"),
				text("yearReport.meetings.thematic"), text("yearReport.meetings.other"),
				text("yearReport.meetings.attendance"), text("yearReport.meetings.level")));
		links.add(List.of());
		var sum = new int[7];
		var unrated = 0;
		var byLevel = new EnumMap<Level, Integer>(Level.class);
		for (var b : meetingFigures.year(user, year)) {
			var level = levels.get(b.branchId());
			if (level != null) {
				byLevel.merge(level, 1, Integer::sum);
			}
			else {
				unrated++;
			}
			table.add(List.of(b.branchName(), String.valueOf(b.regular()), String.valueOf(b.thematic()),
					String.valueOf(b.other()), percent(b.attended(), b.counted()),
					(level != null) ? text("evaluation.level." + level) : text("yearReport.meetings.noLevel")));
			var meetings = "/meetings?year=" + year + "&branchId=" + b.branchId();
			var quality = "/evaluation?year=" + year + "&branchId=" + b.branchId();
			links.add(List.of(meetings, meetings, meetings, meetings, "", quality));
			sum[0] += b.regular();
			sum[1] += b.thematic();
			sum[2] += b.other();
			sum[3] += b.counted();
			sum[4] += b.attended();
			sum[5] += b.excused();
			sum[6] += b.unexcused();
		}
		// Scored meetings by level: the 100-point levels, and Đạt / Không đạt of the
		// 12-HD/BTCTW framework apart (docs/domain.md §6).
		var scored = new int[6];
		for (var q : dashboard.quarters()) {
			scored[0] += q.good();
			scored[1] += q.fair();
			scored[2] += q.average();
			scored[3] += q.weak();
			scored[4] += q.pass();
			scored[5] += q.fail();
		}
		var paragraphs = List.of(
				text("yearReport.meetings.text", String.valueOf(year), sum[0], sum[1], sum[2], percent(sum[4], sum[3]),
						sum[4], sum[3], sum[5], sum[6]),
				text("yearReport.meetings.quality", byLevel.getOrDefault(Level.GOOD, 0),
						byLevel.getOrDefault(Level.FAIR, 0), byLevel.getOrDefault(Level.AVERAGE, 0),
						byLevel.getOrDefault(Level.WEAK, 0), unrated, Arrays.stream(scored).sum(), scored[0], scored[1],
						scored[2], scored[3], scored[4], scored[5]));
		return new ReportDocument.Section(text("yearReport.section.meetings"), paragraphs, table, links);
	}

	private static String percent(long part, long whole) {
		return (whole == 0) ? "0" : String.valueOf(Math.round(100.0 * part / whole));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
