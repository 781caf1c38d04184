package vn.chibo.inspection.documents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.print.ReportDocument;
import vn.chibo.shared.print.ReportDocument.Section;
import vn.chibo.shared.print.ReportDocuments;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;

import vn.chibo.inspection.InspectionBody;
import vn.chibo.inspection.InspectionQueries;

/**
 * The documents an inspection issues, in the Party's layout (docs/domain.md §16) as PDF
 * and DOCX: the decision (quyết định), the plan (kế hoạch) and the notice of the
 * conclusion (thông báo kết luận), each from the record — issued by the committee or by
 * its inspection committee, signed by who signed the decision.
 */
@Component
public class InspectionDocuments {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	public enum Kind {

		DECISION, PLAN, CONCLUSION

	}

	private final InspectionQueries inspections;

	private final OrganizationQueries organizations;

	private final ReportDocuments documents;

	private final MessageSource messages;

	InspectionDocuments(InspectionQueries inspections, OrganizationQueries organizations, ReportDocuments documents,
			MessageSource messages) {
		this.inspections = inspections;
		this.organizations = organizations;
		this.documents = documents;
		this.messages = messages;
	}

	public byte[] pdf(CurrentUser user, long id, Kind kind) {
		return documents.pdf(document(user, id, kind));
	}

	public byte[] docx(CurrentUser user, long id, Kind kind) {
		return documents.docx(document(user, id, kind));
	}

	/**
	 * The document of a kind: the decision and plan once decided, the notice once
	 * concluded; the conclusion to those who may read it.
	 */
	ReportDocument document(CurrentUser user, long id, Kind kind) {
		var detail = inspections.detail(user, id);
		var item = detail.item();
		if (item.decidedOn() == null || item.decisionNo() == null) {
			throw new BusinessRuleException("kind", "inspection.document.noDecision");
		}
		if (kind != Kind.CONCLUSION && !detail.insider()) {
			throw new BusinessRuleException("kind", "inspection.document.insiders");
		}
		var conclusion = detail.conclusion();
		if (kind == Kind.CONCLUSION && conclusion == null) {
			throw new BusinessRuleException("kind", "inspection.document.noConclusion");
		}
		var committee = organizations.grassroots(user.committeeId());
		var superior = organizations.superiorName(user.committeeId(), committee);
		var byCommittee = item.body() == InspectionBody.COMMITTEE;
		// The issuing body under the one above it (docs/domain.md §16): the inspection
		// committee
		// issues under its committee.
		var above = byCommittee ? superior : committee.name();
		var issuer = byCommittee ? committee.name() : text("inspection.print.ubkt");
		var kindName = text("inspection.kind." + item.kind()).toLowerCase(VI);
		var subject = subject(item);
		var sections = new ArrayList<Section>();
		String title;
		String subtitle;
		String number;
		LocalDate dated;
		switch (kind) {
			case DECISION -> {
				title = text("inspection.print.decision.title");
				subtitle = text("inspection.print.decision.subtitle", kindName, subject);
				number = text("inspection.print.number", item.decisionNo());
				dated = item.decidedOn();
				sections.add(Section.text(text("inspection.print.decision.article1"),
						List.of(text("inspection.print.decision.do", kindName, subject),
								text("inspection.print.content", item.content()),
								text("inspection.print.period", item.period()))));
				sections.add(Section.text(text("inspection.print.decision.article2"), team(item)));
				sections.add(Section.text(text("inspection.print.decision.article3"),
						List.of(text("inspection.print.decision.effect", subject))));
			}
			case PLAN -> {
				title = text("inspection.print.plan.title");
				subtitle = text("inspection.print.plan.subtitle", kindName, subject);
				number = text("inspection.print.plan.number", item.decisionNo());
				dated = item.decidedOn();
				sections.add(Section.text(text("inspection.print.plan.purpose"),
						List.of(text("inspection.print.content", item.content()),
								text("inspection.print.period", item.period()))));
				sections.add(Section.text(text("inspection.print.plan.team"), team(item)));
				sections.add(Section.text(text("inspection.print.plan.method"),
						List.of(text("inspection.print.plan.steps"))));
			}
			default -> {
				title = text("inspection.print.conclusion.title");
				subtitle = text("inspection.print.conclusion.subtitle", kindName, subject);
				number = text("inspection.print.conclusion.number", item.decisionNo());
				dated = conclusion.concludedOn();
				sections.add(Section.text(text("inspection.print.conclusion.basis"),
						List.of(text("inspection.print.conclusion.decision", item.decisionNo(),
								DATE.format(item.decidedOn()), kindName, subject, item.content()))));
				sections.add(Section.text(text("inspection.field.findings"), lines(conclusion.findings())));
				add(sections, "inspection.field.strengths", conclusion.strengths());
				add(sections, "inspection.field.shortcomings", conclusion.shortcomings());
				add(sections, "inspection.field.violations", conclusion.violations());
				add(sections, "inspection.field.recommendations", conclusion.recommendations());
				if (!detail.remedies().isEmpty()) {
					var table = new ArrayList<List<String>>();
					table.add(List.of(text("inspection.column.number"), text("inspection.field.remedy"),
							text("inspection.field.dueOn")));
					for (var remedy : detail.remedies()) {
						table.add(List.of(String.valueOf(table.size()), remedy.content(), DATE.format(remedy.dueOn())));
					}
					sections.add(new Section(text("inspection.remedies"), List.of(), table));
				}
			}
		}
		var place = organizations.placeName(user.committeeId()).orElse("");
		return new ReportDocument(above.toUpperCase(VI), issuer.toUpperCase(VI), number, text("print.party"),
				text("print.placeDate", ReportDocuments.placeDate(place, dated)), title, subtitle, sections,
				text(byCommittee ? "inspection.print.signFor.committee" : "inspection.print.signFor.ubkt"),
				text(byCommittee ? "inspection.print.signTitle.committee" : "inspection.print.signTitle.ubkt"),
				(item.decisionSigner() != null) ? item.decisionSigner() : "")
			.to(recipients(kind, subject, above, byCommittee));
	}

	/**
	 * "Nơi nhận" (docs/domain.md §16): those who carry the decision out (Điều 3), the
	 * team and the subject for the plan, the subject for the notice of conclusion; the
	 * body above for its information; the issuer's archive.
	 */
	private List<String> recipients(Kind kind, String subject, String above, boolean byCommittee) {
		var lines = new ArrayList<String>();
		switch (kind) {
			case DECISION -> lines.add(text("inspection.print.recipient.article3"));
			case PLAN -> {
				lines.add(text("inspection.print.recipient.team"));
				lines.add(text("inspection.print.recipient.subject", capitalized(subject)));
			}
			default -> lines.add(text("inspection.print.recipient.subject", capitalized(subject)));
		}
		lines.add(text("print.recipient.superior", above));
		lines.add(text(byCommittee ? "print.recipient.archive.committee" : "inspection.print.recipient.archive"));
		return lines;
	}

	private String subject(InspectionQueries.Item item) {
		return (item.memberId() != null)
				? text("inspection.print.subject.member", item.subjectName(), item.branchName()) : item.subjectName();
	}

	private List<String> team(InspectionQueries.Item item) {
		var lines = new ArrayList<String>();
		if (item.leadName() != null) {
			lines.add(text("inspection.print.lead", item.leadName()));
		}
		if (item.team() != null) {
			lines.add(text("inspection.print.team"));
			lines.addAll(lines(item.team()));
		}
		return lines;
	}

	private void add(List<Section> sections, String heading, @Nullable String body) {
		if (body != null) {
			sections.add(Section.text(text(heading), lines(body)));
		}
	}

	private static List<String> lines(String text) {
		return List.of(text.split("\n+"));
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(VI) + text.substring(1);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
