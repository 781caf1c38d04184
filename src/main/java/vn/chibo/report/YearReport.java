package vn.chibo.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.classification.ClassificationReport;
import vn.chibo.inspection.InspectionAccess;
import vn.chibo.inspection.InspectionReport;
import vn.chibo.member.MemberFigures;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.TheoryLevel;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.recognition.AwardKind;
import vn.chibo.recognition.Awards;
import vn.chibo.recognition.Contests;
import vn.chibo.shared.print.ReportDocument;
import vn.chibo.shared.print.ReportDocuments;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.study.StudyQueries;
import vn.chibo.training.EnrolmentStatus;
import vn.chibo.training.TrainingQueries;

/**
 * "Báo cáo kết quả học tập, quán triệt nghị quyết, đào tạo, bồi dưỡng và thi đua, khen
 * thưởng năm …" of the user's part of the tree (DOMAIN.md §8, §9, §11, §12 and the layout
 * of §16): the study sessions with attendance and the reflections by grade per branch,
 * the training plan against what was done by kind and level with the members' theory
 * levels, the contests with their prizes and the awards — all from the records.
 */
@Service
@Transactional(readOnly = true)
public class YearReport {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final StudyQueries study;

	private final TrainingQueries training;

	private final Awards awards;

	private final Contests contests;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final ReportDocuments documents;

	private final MessageSource messages;

	private final Clock clock;

	private final InspectionReport inspection;

	private final ClassificationReport classification;

	private final MemberFigures memberFigures;

	private final InspectionAccess inspectionAccess;

	YearReport(StudyQueries study, TrainingQueries training, Awards awards, Contests contests, MemberQueries members,
			OrganizationQueries organizations, ReportDocuments documents, MessageSource messages, Clock clock,
			InspectionReport inspection, InspectionAccess inspectionAccess, ClassificationReport classification,
			MemberFigures memberFigures) {
		this.memberFigures = memberFigures;
		this.inspection = inspection;
		this.classification = classification;
		this.inspectionAccess = inspectionAccess;
		this.study = study;
		this.training = training;
		this.awards = awards;
		this.contests = contests;
		this.members = members;
		this.organizations = organizations;
		this.documents = documents;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Those who keep records of a part of the tree: the office, committee members,
	 * secretaries.
	 */
	static void requireReader(CurrentUser user) {
		if (!user.role().readsMemberRecords() || !user.role().readsStudy()) {
			throw new AccessDeniedException("report");
		}
	}

	public ReportDocument report(CurrentUser user, int year) {
		requireReader(user);
		var scope = organizations.find(user.committeeId(), user.scopeOrganizationId()).orElseThrow();
		var branch = scope.level().holdsMembers();
		var sections = new ArrayList<ReportDocument.Section>();
		sections.add(studySection(user, year));
		sections.add(trainingSection(user, year));
		sections.add(theorySection(user));
		sections.add(contestSection(user, year));
		sections.add(awardSection(user, year));
		sections.add(classification.section(user, year));
		sections.add(memberSection(user, year));
		// The committee's report also gives the year of inspection and discipline
		// (DOMAIN.md §12), in figures only, to those who follow the programme.
		if (!branch && inspectionAccess.readsProgramme(user)) {
			sections.addAll(inspection.sections(user, year));
		}
		var superior = (scope.parentId() != null)
				? organizations.find(user.committeeId(), scope.parentId()).map((o) -> o.name()).orElse("") : "";
		var secretary = members.secretaryName(user.committeeId(), scope.id());
		var place = organizations.placeName(user.committeeId()).orElse("");
		return new ReportDocument(superior.toUpperCase(VI), scope.name().toUpperCase(VI),
				text(branch ? "study.report.number.branch" : "study.report.number.committee"), text("print.party"),
				text("print.placeDate", ReportDocuments.placeDate(place, LocalDate.now(clock))), text("report.title"),
				text("yearReport.subtitle", String.valueOf(year)), sections,
				text(branch ? "study.report.signFor.branch" : "study.report.signFor.committee"),
				text("report.signTitle"), secretary);
	}

	public byte[] pdf(CurrentUser user, int year) {
		return documents.pdf(report(user, year));
	}

	public byte[] docx(CurrentUser user, int year) {
		return documents.docx(report(user, year));
	}

	private ReportDocument.Section studySection(CurrentUser user, int year) {
		var figures = study.yearFigures(user, year);
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

	private ReportDocument.Section trainingSection(CurrentUser user, int year) {
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

	private ReportDocument.Section theorySection(CurrentUser user) {
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

	private ReportDocument.Section contestSection(CurrentUser user, int year) {
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

	private ReportDocument.Section awardSection(CurrentUser user, int year) {
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

	/** The membership of the year by branch (DOMAIN.md §12), from the member records. */
	private ReportDocument.Section memberSection(CurrentUser user, int year) {
		var rows = memberFigures.year(user, year);
		var table = new ArrayList<List<String>>();
		table.add(List.of(text("study.report.branch"), text("yearReport.members.total"),
				text("yearReport.members.official"), text("yearReport.members.probationary"),
				text("yearReport.members.admitted"), text("yearReport.members.madeOfficial"),
				text("yearReport.members.in"), text("yearReport.members.out"), text("yearReport.members.exempted"),
				text("yearReport.members.died"), text("yearReport.members.removed")));
		var sum = new int[10];
		for (var r : rows) {
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
				table);
	}

	private static String percent(long part, long whole) {
		return (whole == 0) ? "0" : String.valueOf(Math.round(100.0 * part / whole));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
