package vn.chibo.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.classification.ClassificationReport;
import vn.chibo.inspection.InspectionAccess;
import vn.chibo.inspection.InspectionReport;
import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.print.ReportDocument;
import vn.chibo.shared.print.ReportDocuments;
import vn.chibo.shared.security.CurrentUser;

/**
 * "Báo cáo kết quả công tác xây dựng Đảng năm … và phương hướng, nhiệm vụ năm …" of the
 * user's part of the tree (docs/domain.md §12, in the layout of §16): part I the year in
 * figures from the records — membership, meetings and their quality, study, training,
 * theory levels, inspection and discipline, classification, contests and awards; part II
 * the assessment and part III the tasks of the next year, as the office wrote them.
 */
@Service
@Transactional(readOnly = true)
public class YearReport {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final YearSections sections;

	private final ReportTexts texts;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final ReportDocuments documents;

	private final MessageSource messages;

	private final Clock clock;

	private final InspectionReport inspection;

	private final ClassificationReport classification;

	private final InspectionAccess inspectionAccess;

	YearReport(YearSections sections, ReportTexts texts, MemberQueries members, OrganizationQueries organizations,
			ReportDocuments documents, MessageSource messages, Clock clock, InspectionReport inspection,
			InspectionAccess inspectionAccess, ClassificationReport classification) {
		this.sections = sections;
		this.texts = texts;
		this.members = members;
		this.organizations = organizations;
		this.documents = documents;
		this.messages = messages;
		this.clock = clock;
		this.inspection = inspection;
		this.inspectionAccess = inspectionAccess;
		this.classification = classification;
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
		var figures = new ArrayList<ReportDocument.Section>();
		// Each figure leads to the list it counts: finer links where the section has
		// them, else the year's list of the module (docs/domain.md §12).
		figures.add(sections.memberSection(user, year));
		figures.add(sections.meetingSection(user, year));
		figures.add(sections.studySection(user, year).linkedTo("/study?year=" + year));
		figures.add(sections.trainingSection(user, year).linkedTo("/training?year=" + year));
		figures.add(sections.theorySection(user));
		// The committee's report also gives the year of inspection and discipline
		// (docs/domain.md §12), in figures only, to those who follow the programme.
		if (!branch && inspectionAccess.readsProgramme(user)) {
			inspection.sections(user, year).forEach((s) -> figures.add(s.linkedTo("/inspection/report?year=" + year)));
		}
		figures.add(classification.section(user, year));
		figures.add(sections.contestSection(user, year));
		figures.add(sections.awardSection(user, year).linkedTo("/recognition?year=" + year));
		var written = texts.find(user, ReportTexts.Kind.YEAR, String.valueOf(year));
		var outline = new Outline().part(text("yearReport.part.results", String.valueOf(year)), List.of())
			.sections(figures)
			.part(text("yearReport.part.assessment"), List.of())
			.sections(assessment(written))
			.part(text("yearReport.part.tasks", String.valueOf(year + 1)), paragraphs(written.tasks()));
		var superior = organizations.superiorName(user.committeeId(), scope);
		var secretary = members.secretaryName(user.committeeId(), scope.id());
		var place = organizations.placeName(user.committeeId()).orElse("");
		return new ReportDocument(superior.toUpperCase(VI), scope.name().toUpperCase(VI),
				text(branch ? "study.report.number.branch" : "study.report.number.committee"), text("print.party"),
				text("print.placeDate", ReportDocuments.placeDate(place, LocalDate.now(clock))), text("report.title"),
				text("yearReport.subtitle", String.valueOf(year), String.valueOf(year + 1)), outline.build(),
				text(branch ? "study.report.signFor.branch" : "study.report.signFor.committee"),
				text("report.signTitle"), secretary)
			.to(documents.recipients(superior, branch));
	}

	public byte[] pdf(CurrentUser user, int year) {
		return documents.pdf(report(user, year));
	}

	public byte[] docx(CurrentUser user, int year) {
		return documents.docx(report(user, year));
	}

	/** Strengths, shortcomings and their causes, as written (docs/domain.md §12). */
	List<ReportDocument.Section> assessment(ReportTexts.Texts written) {
		return List.of(ReportDocument.Section.text(text("reportText.field.strengths"), paragraphs(written.strengths())),
				ReportDocument.Section.text(text("reportText.field.shortcomings"), paragraphs(written.shortcomings())),
				ReportDocument.Section.text(text("reportText.field.causes"), paragraphs(written.causes())));
	}

	/** A part's paragraphs, or the line saying it is not written yet. */
	List<String> paragraphs(String written) {
		var lines = ReportTexts.Texts.paragraphs(written);
		return lines.isEmpty() ? List.of(text("reportText.unwritten")) : lines;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
