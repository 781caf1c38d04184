package vn.chibo.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.member.MemberQueries;
import vn.chibo.member.Post;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.print.ReportDocument;
import vn.chibo.shared.print.ReportDocument.Section;
import vn.chibo.shared.print.ReportDocuments;
import vn.chibo.shared.security.CurrentUser;

/**
 * The year's report of inspection, supervision and discipline (docs/domain.md §12): its
 * sections from {@link InspectionFigures}, given also to the committee's year report, and
 * the whole document issued by the inspection committee in the Party's layout
 * (docs/domain.md §16).
 */
@Component
public class InspectionReport {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final InspectionFigures figures;

	private final OrganizationQueries organizations;

	private final MemberQueries members;

	private final ReportDocuments documents;

	private final MessageSource messages;

	private final Clock clock;

	InspectionReport(InspectionFigures figures, OrganizationQueries organizations, MemberQueries members,
			ReportDocuments documents, MessageSource messages, Clock clock) {
		this.figures = figures;
		this.organizations = organizations;
		this.members = members;
		this.documents = documents;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The sections of the year: the programme, conclusions and remedies, discipline,
	 * complaints.
	 */
	public List<Section> sections(CurrentUser user, int year) {
		var f = figures.year(user, year);
		var sections = new ArrayList<Section>();
		var table = new ArrayList<List<String>>();
		table.add(List.of(text("inspection.field.kind"), text("inspection.column.subject"),
				text("inspection.report.planned"), text("inspection.column.concluded"),
				text("inspection.column.inProgress"), text("inspection.column.overdue")));
		for (var row : f.rows()) {
			table.add(List.of(text("inspection.kind." + row.kind()),
					text(row.members() ? "inspection.report.members" : "inspection.report.branches"),
					String.valueOf(row.planned()), String.valueOf(row.concluded()), String.valueOf(row.inProgress()),
					String.valueOf(row.overdue())));
		}
		var inProgress = f.rows().stream().mapToInt(InspectionFigures.KindRow::inProgress).sum();
		var overdue = f.rows().stream().mapToInt(InspectionFigures.KindRow::overdue).sum();
		sections.add(new Section(
				text("inspection.report.programme"), List.of(text("inspection.report.programme.text",
						String.valueOf(year), f.concluded(), f.planned(), f.donePercent(), inProgress, overdue)),
				(f.planned() > 0) ? table : List.of()));
		sections.add(Section.text(text("inspection.report.remedies"), List.of(text("inspection.report.remedies.text",
				f.withViolations(), f.remedies(), f.remediesDue(), f.remediesOnTime(), f.remediesVerified()))));
		var forms = new ArrayList<List<String>>();
		if (!f.disciplineByForm().isEmpty()) {
			forms.add(List.of(text("discipline.field.form"), text("inspection.report.count")));
			f.disciplineByForm()
				.forEach((form, n) -> forms.add(List.of(text("discipline.form." + form), String.valueOf(n))));
		}
		var disciplined = f.disciplineByForm().values().stream().mapToInt(Integer::intValue).sum();
		sections.add(new Section(text("inspection.report.discipline"),
				List.of(text("inspection.report.discipline.text", f.cases(), disciplined)), forms));
		sections
			.add(Section.text(text("inspection.report.complaints"), List.of(text("inspection.report.complaints.text",
					f.complaints(), f.complaintsAnswered(), f.complaintsOnTime(), f.complaintsOpen()))));
		return sections;
	}

	public ReportDocument document(CurrentUser user, int year) {
		var sections = sections(user, year);
		var committee = organizations.grassroots(user.committeeId());
		// The chair of the inspection committee: its member who is the committee's
		// deputy, else its first member.
		var posts = members.currentPosts(user.committeeId(), committee.id());
		var inspectors = posts.stream().filter((p) -> p.post() == Post.INSPECTION_MEMBER).toList();
		var chair = inspectors.stream()
			.filter((i) -> posts.stream()
				.anyMatch((p) -> p.memberId() == i.memberId() && p.post() == Post.COMMITTEE_DEPUTY_SECRETARY))
			.findFirst()
			.or(() -> inspectors.stream().findFirst())
			.map((p) -> p.memberName())
			.orElse("");
		var place = organizations.placeName(user.committeeId()).orElse("");
		return new ReportDocument(committee.name().toUpperCase(VI), text("inspection.print.ubkt").toUpperCase(VI),
				text("inspection.report.number"), text("print.party"),
				text("print.placeDate", ReportDocuments.placeDate(place, LocalDate.now(clock))),
				text("inspection.report.title"), text("inspection.report.subtitle", String.valueOf(year)), sections,
				text("inspection.print.signFor.ubkt"), text("inspection.print.signTitle.ubkt"), chair)
			.to(documents.recipients(committee.name(), false));
	}

	public byte[] pdf(CurrentUser user, int year) {
		return documents.pdf(document(user, year));
	}

	public byte[] docx(CurrentUser user, int year) {
		return documents.docx(document(user, year));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
