package vn.chibo.evaluation.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.meeting.MeetingSignals;
import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.print.ReportDocument;
import vn.chibo.shared.print.ReportDocuments;
import vn.chibo.shared.security.CurrentUser;

import vn.chibo.evaluation.EvaluationQueries;
import vn.chibo.evaluation.Level;

/**
 * The committee's yearly report "Báo cáo đánh giá chất lượng sinh hoạt chi bộ năm …"
 * (docs/domain.md §6) in the Party's layout (docs/domain.md §16), DOCX and PDF from one
 * model: the year in figures, the heat map as a table, levels per quarter, the criteria
 * that lost the most points — all computed from the records.
 */
@Service
@Transactional(readOnly = true)
public class QualityReport {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final EvaluationQueries queries;

	private final OrganizationQueries organizations;

	private final MemberQueries members;

	private final MessageSource messages;

	private final ReportDocuments documents;

	private final MeetingSignals signals;

	private final Clock clock;

	QualityReport(EvaluationQueries queries, OrganizationQueries organizations, MemberQueries members,
			MessageSource messages, ReportDocuments documents, MeetingSignals signals, Clock clock) {
		this.queries = queries;
		this.organizations = organizations;
		this.members = members;
		this.messages = messages;
		this.documents = documents;
		this.signals = signals;
		this.clock = clock;
	}

	public ReportDocument report(CurrentUser user, int year) {
		var dashboard = queries.dashboard(user, year, null);
		var scope = organizations.find(user.committeeId(), user.scopeOrganizationId()).orElseThrow();
		var superior = organizations.superiorName(user.committeeId(), scope);
		var today = LocalDate.now(clock);
		var counts = signals.heldInYear(user.committeeId(), year,
				dashboard.rows().stream().map((r) -> r.branchId()).toList());
		var sections = new ArrayList<ReportDocument.Section>();
		sections.add(new ReportDocument.Section(text("report.section.general"), List
			.of(text("report.general", dashboard.rows().size(), counts.regular(), counts.thematic(), counts.other())),
				List.of()));
		// The heat map as a table: branch, twelve months, the year.
		var heat = new ArrayList<List<String>>();
		var head = new ArrayList<String>();
		head.add(text("member.branch"));
		for (var m = 1; m <= 12; m++) {
			head.add(text("meeting.monthShort", m));
		}
		head.add(text("dashboard.year"));
		heat.add(head);
		var byLevel = new EnumMap<Level, Integer>(Level.class);
		for (var row : dashboard.rows()) {
			var line = new ArrayList<String>();
			line.add(row.branchName());
			for (var cell : row.months()) {
				line.add((cell.level() != null) ? text("evaluation.levelShort." + cell.level())
						: cell.state().equals("MISSING") ? text("report.missingShort") : "");
			}
			line.add((row.level() != null) ? text("evaluation.level." + row.level()) : "");
			heat.add(line);
			if (row.level() != null) {
				byLevel.merge(row.level(), 1, Integer::sum);
			}
		}
		var results = new ArrayList<String>();
		results.add(text("report.results", byLevel.getOrDefault(Level.GOOD, 0), byLevel.getOrDefault(Level.FAIR, 0),
				byLevel.getOrDefault(Level.AVERAGE, 0), byLevel.getOrDefault(Level.WEAK, 0)));
		results.add(text("report.legend"));
		sections.add(new ReportDocument.Section(text("report.section.results"), results, heat));
		var quarters = new ArrayList<List<String>>();
		quarters.add(List.of(text("dashboard.quarter"), text("dashboard.series.good"), text("evaluation.level.FAIR"),
				text("evaluation.level.AVERAGE"), text("dashboard.series.weak")));
		for (var q : dashboard.quarters()) {
			quarters.add(List.of(text("dashboard.quarterName", q.quarter()), String.valueOf(q.good() + q.pass()),
					String.valueOf(q.fair()), String.valueOf(q.average()), String.valueOf(q.weak() + q.fail())));
		}
		sections.add(new ReportDocument.Section(text("report.section.quarters"), List.of(), quarters));
		var weak = new ArrayList<String>();
		for (var w : dashboard.weakest()) {
			weak.add(text("report.weak", w.code(), w.name(), String.valueOf(w.averageLoss()).replace('.', ','),
					String.valueOf(w.max()).replace(".0", ""), w.meetings()));
		}
		if (weak.isEmpty()) {
			weak.add(text("report.weak.none"));
		}
		sections.add(new ReportDocument.Section(text("report.section.weak"), weak, List.of()));
		var secretary = members.secretaryName(user.committeeId(), scope.id());
		var place = organizations.placeName(user.committeeId()).orElse("");
		return new ReportDocument(superior.toUpperCase(VI), scope.name().toUpperCase(VI), text("report.number"),
				text("print.party"), text("print.placeDate", ReportDocuments.placeDate(place, today)),
				text("report.title"), text("report.subtitle", String.valueOf(year)), sections,
				// Signed for the collective leadership: the committee, or the branch
				// (docs/domain.md §16).
				text(scope.level().holdsMembers() ? "study.report.signFor.branch" : "study.report.signFor.committee"),
				text("report.signTitle"), secretary)
			.to(documents.recipients(superior, scope.level().holdsMembers()));
	}

	public byte[] pdf(ReportDocument report) {
		return documents.pdf(report);
	}

	public byte[] docx(ReportDocument report) {
		return documents.docx(report);
	}

	private String text(String key, @Nullable Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
