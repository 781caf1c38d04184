package vn.chibo.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.report.TermFigures.Figure;
import vn.chibo.report.Terms.Term;
import vn.chibo.shared.print.ReportDocument;
import vn.chibo.shared.print.ReportDocuments;
import vn.chibo.shared.security.CurrentUser;

/**
 * "Báo cáo tổng kết nhiệm kỳ …" for the congress (docs/domain.md §12, the layout of §16):
 * the figures of the year reports over the term's years, year by year and in total,
 * beside the previous term's where chibo holds its records; then the assessment and the
 * directions for the next term as the office wrote them. Each year's figure links to that
 * year's report, where each figure links to the list it counts.
 */
@Service
@Transactional(readOnly = true)
public class TermReport {

	private static final Locale VI = Locale.forLanguageTag("vi");

	/** The tables of part I: a heading and its figures. */
	private static final List<List<Figure>> TABLES = List.of(
			List.of(Figure.MEMBERS, Figure.ADMITTED, Figure.MADE_OFFICIAL, Figure.TRANSFERRED_IN,
					Figure.TRANSFERRED_OUT, Figure.DIED, Figure.REMOVED),
			List.of(Figure.REGULAR_MEETINGS, Figure.THEMATIC_MEETINGS, Figure.ATTENDANCE, Figure.MEETINGS_GOOD,
					Figure.MEETINGS_FAIR, Figure.MEETINGS_AVERAGE, Figure.MEETINGS_WEAK, Figure.MEETINGS_PASS,
					Figure.MEETINGS_FAIL),
			List.of(Figure.STUDY_SESSIONS, Figure.REFLECTIONS, Figure.THEORY_ADVANCED, Figure.THEORY_INTERMEDIATE,
					Figure.THEORY_ELEMENTARY, Figure.OTHER_COURSES),
			List.of(Figure.INSPECTIONS_PLANNED, Figure.INSPECTIONS_CONCLUDED, Figure.DISCIPLINE),
			List.of(Figure.MEMBERS_EXCELLENT, Figure.MEMBERS_GOOD, Figure.MEMBERS_PASS, Figure.MEMBERS_FAIL,
					Figure.ORGS_EXCELLENT, Figure.ORGS_GOOD, Figure.ORGS_PASS, Figure.ORGS_FAIL),
			List.of(Figure.AWARDS_MEMBERS, Figure.AWARDS_COLLECTIVES, Figure.CONTEST_PRIZES));

	private final TermFigures figures;

	private final Terms terms;

	private final ReportTexts texts;

	private final YearReport yearReport;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final ReportDocuments documents;

	private final MessageSource messages;

	private final Clock clock;

	TermReport(TermFigures figures, Terms terms, ReportTexts texts, YearReport yearReport, MemberQueries members,
			OrganizationQueries organizations, ReportDocuments documents, MessageSource messages, Clock clock) {
		this.figures = figures;
		this.terms = terms;
		this.texts = texts;
		this.yearReport = yearReport;
		this.members = members;
		this.organizations = organizations;
		this.documents = documents;
		this.messages = messages;
		this.clock = clock;
	}

	/** A term's figures: its years, their totals and the previous term's totals. */
	record Totals(Term term, List<TermFigures.Year> years, @Nullable Term before, List<TermFigures.Year> beforeYears) {

		int total(Figure figure) {
			return total(figure, years);
		}

		@Nullable Integer beforeTotal(Figure figure) {
			var value = total(figure, beforeYears);
			return (before == null || value == 0) ? null : value;
		}

		/**
		 * Counts over the years are summed; states are the last year's; attendance is the
		 * mean.
		 */
		static int total(Figure figure, List<TermFigures.Year> years) {
			if (years.isEmpty()) {
				return 0;
			}
			if (figure == Figure.ATTENDANCE) {
				var known = years.stream().filter((y) -> y.values().containsKey(figure)).toList();
				return known.isEmpty() ? 0
						: Math.round((float) known.stream().mapToInt((y) -> y.get(figure)).sum() / known.size());
			}
			return figure.flow() ? years.stream().mapToInt((y) -> y.get(figure)).sum() : years.getLast().get(figure);
		}

	}

	Totals totals(CurrentUser user, Term term) {
		YearReport.requireReader(user);
		var before = terms.before(user.committeeId(), term);
		// The congress year belongs to the term it opens: the previous term's column
		// stops
		// the year before, so that no year is counted twice.
		return new Totals(term, figures.years(user, term.firstYear(), term.lastYear()), before,
				(before != null)
						? figures.years(user, before.firstYear(), Math.min(before.lastYear(), term.firstYear() - 1))
						: List.of());
	}

	public ReportDocument report(CurrentUser user, Term term) {
		var totals = totals(user, term);
		var scope = organizations.find(user.committeeId(), user.scopeOrganizationId()).orElseThrow();
		var branch = scope.level().holdsMembers();
		var tables = new ArrayList<ReportDocument.Section>();
		for (var i = 0; i < TABLES.size(); i++) {
			if (i == 3 && !figures.showsInspection(user)) {
				continue;
			}
			tables.add(table(i, totals));
		}
		var written = texts.find(user, ReportTexts.Kind.TERM, term.period());
		var next = term.lastYear() + "–" + (2 * term.lastYear() - term.firstYear());
		var opening = new ArrayList<String>(List.of(summary(totals)));
		if (totals.before() != null) {
			opening.add(text("termReport.beforeNote", totals.before().label()));
		}
		var outline = new Outline().part(text("termReport.part.results", term.label()), opening)
			.sections(tables)
			.part(text("yearReport.part.assessment"), List.of())
			.sections(yearReport.assessment(written))
			.part(text("termReport.part.tasks", next), yearReport.paragraphs(written.tasks()));
		var superior = organizations.superiorName(user.committeeId(), scope);
		var place = organizations.placeName(user.committeeId()).orElse("");
		return new ReportDocument(superior.toUpperCase(VI), scope.name().toUpperCase(VI),
				text(branch ? "study.report.number.branch" : "study.report.number.committee"), text("print.party"),
				text("print.placeDate", ReportDocuments.placeDate(place, LocalDate.now(clock))),
				text("termReport.documentTitle"), text("termReport.subtitle", term.label(), next), outline.build(),
				text(branch ? "study.report.signFor.branch" : "study.report.signFor.committee"),
				text("report.signTitle"), members.secretaryName(user.committeeId(), scope.id()))
			.to(documents.recipients(superior, branch));
	}

	public byte[] pdf(CurrentUser user, Term term) {
		return documents.pdf(report(user, term));
	}

	public byte[] docx(CurrentUser user, Term term) {
		return documents.docx(report(user, term));
	}

	/**
	 * The term in one paragraph, as a political report opens its results (the seed's
	 * figures).
	 */
	private String summary(Totals t) {
		var before = (t.before() != null) ? " " + text("termReport.summary.before", t.before().label(),
				orDash(t.beforeTotal(Figure.THEORY_ADVANCED)), orDash(t.beforeTotal(Figure.THEORY_INTERMEDIATE)),
				orDash(t.beforeTotal(Figure.AWARDS_MEMBERS)), orDash(t.beforeTotal(Figure.AWARDS_COLLECTIVES))) : "";
		return text("termReport.summary", t.term().label(), t.total(Figure.ADMITTED), t.total(Figure.MADE_OFFICIAL),
				String.valueOf(t.term().lastYear()), t.total(Figure.MEMBERS), t.total(Figure.REGULAR_MEETINGS),
				t.total(Figure.THEMATIC_MEETINGS), t.total(Figure.THEORY_ADVANCED), t.total(Figure.THEORY_INTERMEDIATE),
				t.total(Figure.AWARDS_MEMBERS), t.total(Figure.AWARDS_COLLECTIVES)) + before;
	}

	private ReportDocument.Section table(int index, Totals t) {
		var head = new ArrayList<String>();
		var headLinks = new ArrayList<String>();
		head.add(text("termReport.figure"));
		for (var y : t.years()) {
			head.add(String.valueOf(y.year()));
		}
		head.add(text("termReport.total", t.term().label()));
		if (t.before() != null) {
			head.add(text("termReport.before", t.before().label()));
		}
		var rows = new ArrayList<List<String>>();
		var links = new ArrayList<List<String>>();
		rows.add(head);
		links.add(headLinks);
		for (var figure : TABLES.get(index)) {
			var row = new ArrayList<String>();
			var rowLinks = new ArrayList<String>();
			row.add(text("termReport.figure." + figure));
			rowLinks.add("");
			for (var y : t.years()) {
				// Attendance is unknown in a year without a roll call; the counts are
				// counts.
				row.add(value(figure,
						(figure == Figure.ATTENDANCE && !y.values().containsKey(figure)) ? null : y.get(figure)));
				rowLinks.add("/reports/year?year=" + y.year());
			}
			row.add(value(figure, t.total(figure)));
			if (t.before() != null) {
				row.add(value(figure, t.beforeTotal(figure)));
			}
			rows.add(row);
			links.add(rowLinks);
		}
		var paragraphs = new ArrayList<String>();
		if (index == 4) {
			var levels = new ArrayList<String>();
			for (var y : t.years()) {
				levels.add(text("termReport.committeeLevel", String.valueOf(y.year()), y.committeeLevel().isEmpty()
						? text("termReport.committeeLevel.none") : text("classification.level." + y.committeeLevel())));
			}
			if (!t.years().isEmpty()) {
				paragraphs.add(text("termReport.committeeLevels", String.join("; ", levels)));
			}
		}
		return new ReportDocument.Section(text("termReport.table." + index), paragraphs, rows, links);
	}

	private String value(Figure figure, @Nullable Integer value) {
		if (value == null) {
			return text("termReport.none");
		}
		return (figure == Figure.ATTENDANCE) ? value + "%" : String.valueOf(value);
	}

	private String orDash(@Nullable Integer value) {
		return (value != null) ? String.valueOf(value) : text("termReport.none");
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
