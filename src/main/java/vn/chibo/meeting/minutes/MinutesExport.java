package vn.chibo.meeting.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.print.PdfDocuments;
import vn.chibo.shared.print.WordPages;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.BusinessRuleException;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingQueries;
import vn.chibo.meeting.MinutesQueries;
import vn.chibo.meeting.MinutesView;
import vn.chibo.meeting.attendance.AttendanceCounts;
import vn.chibo.meeting.attendance.AttendanceRow;
import vn.chibo.shared.print.OfficeFiles;

/**
 * The minutes as the Party's document (docs/domain.md §16): DOCX for editing and filing,
 * PDF for printing, both in Vietnamese whatever the user's language, as the minutes book
 * is.
 */
@Service
@Transactional(readOnly = true)
public class MinutesExport {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final String FONT = "Times New Roman";

	private final MeetingQueries meetings;

	private final MinutesQueries queries;

	private final OrganizationQueries organizations;

	private final MessageSource messages;

	private final PdfDocuments pdfs;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	MinutesExport(MeetingQueries meetings, MinutesQueries queries, OrganizationQueries organizations,
			MessageSource messages, PdfDocuments pdfs, JdbcClient jdbc, Clock clock, JsonMapper json) {
		this.json = json;
		this.meetings = meetings;
		this.queries = queries;
		this.organizations = organizations;
		this.messages = messages;
		this.pdfs = pdfs;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The minutes laid out, from what is recorded now. */
	public MinutesDocument document(CurrentUser user, long meetingId) {
		var meeting = meetings.readable(user, meetingId);
		var minutes = queries.minutes(user, meetingId)
			.orElseThrow(() -> new BusinessRuleException("", "minutes.state.none"));
		var roster = meetings.attendance(user, meetingId);
		var counts = AttendanceCounts.of(roster);
		var branch = organizations.find(user.committeeId(), meeting.branchId()).orElseThrow();
		var superior = organizations.superiorName(user.committeeId(), branch);
		var date = meeting.scheduledOn();
		var zone = clock.getZone();
		// Numbered from 01 in the branch's year [R: docs/domain.md §16 numbers per term;
		// terms
		// are not recorded yet].
		var ordinal = jdbc
			.sql("""
					select count(*) from meeting g join meeting_minutes n on n.committee_id = g.committee_id and n.meeting_id = g.id
					where g.committee_id = :committee and g.branch_id = :branch and g.status <> 'CANCELLED'
					and extract(year from g.scheduled_on) = :year and (g.scheduled_on, g.id) <= (:date, :id)
					""")
			.param("committee", user.committeeId())
			.param("branch", meeting.branchId())
			.param("year", date.getYear())
			.param("date", date)
			.param("id", meeting.id())
			.query(Long.class)
			.single();
		var place = organizations.placeName(user.committeeId()).orElse("");
		var body = new ArrayList<MinutesDocument.Line>();
		if (minutes.startedAt() != null) {
			var start = minutes.startedAt().atZoneSameInstant(zone);
			body.add(paragraph("print.time", two(start.getHour()), two(start.getMinute()),
					date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
		}
		var where = (minutes.place() != null) ? minutes.place() : meeting.place();
		if (where != null) {
			body.add(paragraph("print.place", where));
		}
		if (meeting.topic() != null) {
			body.add(paragraph("print.topic", meeting.topic()));
		}
		var guests = meetings.guests(user, meetingId)
			.stream()
			.map((g) -> (g.title() != null) ? g.name() + " – " + g.title() : g.name())
			.toList();
		if (!guests.isEmpty()) {
			body.add(paragraph("print.guests", String.join("; ", guests)));
		}
		body.add(paragraph("print.roster", counts.total(), counts.official(), counts.probationary(),
				counts.temporaryIn(), counts.exempted(), counts.temporaryOut()));
		body.add(paragraph("print.present", counts.attended(), counts.expected(),
				String.valueOf(counts.rate()).replace('.', ',')));
		body.add(paragraph("print.presentNames",
				join(roster.stream()
					.filter((r) -> r.status() != null && r.status().attended())
					.map(AttendanceRow::fullName)
					.toList())));
		var excused = roster.stream()
			.filter((r) -> r.status() == AttendanceStatus.ABSENT_EXCUSED)
			.map((r) -> text("print.absentReason", r.fullName(), r.reason()))
			.toList();
		var unexcused = roster.stream()
			.filter((r) -> r.status() == AttendanceStatus.ABSENT_UNEXCUSED)
			.map(AttendanceRow::fullName)
			.toList();
		body.add(paragraph("print.absentExcused", excused.size(), join(excused)));
		body.add(paragraph("print.absentUnexcused", unexcused.size(), join(unexcused)));
		body.add(paragraph("print.chair", orNone(minutes.chairName())));
		body.add(paragraph("print.taker", orNone(minutes.minuteTakerName())));
		var agenda = meetings.agenda(user, meetingId);
		if (!agenda.isEmpty()) {
			body.add(paragraph("print.agenda"));
			for (var i = 0; i < agenda.size(); i++) {
				body.add(paragraph("print.agendaItem", i + 1, agenda.get(i)));
			}
		}

		body.add(heading("print.section.content"));
		var number = 0;
		for (var section : new String[][] { { "information", minutes.information() }, { "review", minutes.review() },
				{ "nextTasks", minutes.nextTasks() }, { "otherBusiness", minutes.otherBusiness() } }) {
			var review = section[0].equals("review");
			var previousTargets = review
					? queries.previousRegular(user, meeting).map((p) -> queries.targets(user, p.id())).orElse(List.of())
					: List.<MinutesView.Target>of();
			if (section[1] == null && previousTargets.isEmpty()) {
				continue;
			}
			body.add(new MinutesDocument.Line(MinutesDocument.Style.SUBHEADING,
					text("print.numbered", ++number, messages.getMessage("minutes.field." + section[0], null, VI))));
			paragraphs(body, section[1]);
			if (!previousTargets.isEmpty()) {
				var met = previousTargets.stream().filter((t) -> Boolean.TRUE.equals(t.met())).count();
				body.add(paragraph("print.targetsReview", met, previousTargets.size()));
				for (var target : previousTargets) {
					var note = (target.reviewNote() != null) ? text("print.targetNote", target.reviewNote()) : "";
					// Only what was recorded: a target nobody reviewed is not "chưa đạt".
					body.add((target.met() == null) ? paragraph("print.targetNotReviewed", target.content())
							: target.met() ? paragraph("print.targetMet", target.content())
									: paragraph("print.targetNotMet", target.content(), note));
				}
			}
		}
		body.add(heading("print.section.discussion"));
		paragraphs(body, minutes.discussionSummary());
		for (var speech : queries.speeches(user, meetingId)) {
			body.add(paragraph("print.speech", speech.speakerName(), speech.content()));
		}
		var proposals = queries.proposals(user, meetingId);
		if (!proposals.isEmpty()) {
			body.add(new MinutesDocument.Line(MinutesDocument.Style.SUBHEADING, text("print.proposals")));
			proposals.forEach((p) -> body.add(paragraph("print.speech", p.proposerName(), p.content())));
		}
		body.add(heading("print.section.conclusions"));
		paragraphs(body, minutes.conclusions());
		var targets = queries.targets(user, meetingId);
		if (!targets.isEmpty()) {
			body.add(new MinutesDocument.Line(MinutesDocument.Style.SUBHEADING, text("print.newTargets")));
			targets.forEach((t) -> body.add(paragraph("print.item", t.content())));
		}
		var tasks = queries.tasksAssigned(user, meeting);
		if (!tasks.isEmpty()) {
			body.add(new MinutesDocument.Line(MinutesDocument.Style.SUBHEADING, text("print.tasks")));
			tasks.forEach((k) -> body.add(paragraph("print.task", k.memberName(), k.content(),
					k.dueOn().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))));
		}
		body.add(heading("print.section.vote"));
		if (minutes.resolution() != null) {
			body.add(new MinutesDocument.Line(MinutesDocument.Style.SUBHEADING, text("print.resolution")));
			paragraphs(body, minutes.resolution());
		}
		if (minutes.votesFor() != null) {
			body.add(paragraph("print.votes", minutes.votesFor(), counts.attended(),
					(minutes.votesAgainst() != null) ? minutes.votesAgainst() : 0,
					(minutes.votesAbstain() != null) ? minutes.votesAbstain() : 0));
		}
		if (minutes.selfAssessment() != null) {
			body.add(paragraph("print.selfAssessment", minutes.selfAssessment()));
		}
		if (minutes.endedAt() != null) {
			var end = minutes.endedAt().atZoneSameInstant(zone);
			body.add(paragraph("print.end", two(end.getHour()), two(end.getMinute())));
		}
		var kindMonth = new Object[] { two(date.getMonthValue()), String.valueOf(date.getYear()) };
		return new MinutesDocument(superior.toUpperCase(VI), branch.name().toUpperCase(VI),
				text("print.number", two((int) (long) ordinal)), text("print.party"),
				text("print.placeDate", place, two(date.getDayOfMonth()),
						(date.getMonthValue() <= 2) ? two(date.getMonthValue()) : String.valueOf(date.getMonthValue()),
						String.valueOf(date.getYear())),
				text("print.title"), text("print.subtitle." + meeting.kind(), kindMonth), body, text("print.signTaker"),
				orNone(minutes.minuteTakerName()), signed(minutes.takerSignedAt()), text("print.signChair"),
				orNone(minutes.chairName()), signed(minutes.chairSignedAt()), text("print.signNote"),
				annex(user, meetingId));
	}

	/**
	 * The seal of a document: SHA-256 of its whole text, in hexadecimal. Taken when the
	 * minutes are signed; compared with the document as it is now.
	 */
	public static String seal(MinutesDocument document) {
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(document.text().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Changes made after signing, each with who, when, why, before and after. */
	private List<MinutesDocument.Line> annex(CurrentUser user, long meetingId) {
		var amendments = queries.amendments(user, meetingId);
		var annex = new ArrayList<MinutesDocument.Line>();
		if (amendments.isEmpty()) {
			return annex;
		}
		annex.add(heading("print.annex"));
		var number = 0;
		for (var amendment : amendments) {
			annex.add(new MinutesDocument.Line(MinutesDocument.Style.SUBHEADING,
					text("print.annex.amendment", ++number,
							amendment.amendedAt()
								.atZoneSameInstant(clock.getZone())
								.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")),
							amendment.amendedBy(), amendment.reason())));
			var before = json.readTree(amendment.before());
			var after = json.readTree(amendment.after());
			for (var field : after.propertyNames()) {
				annex.add(paragraph("print.annex.change", text("print.annex.field." + field), value(before.get(field)),
						value(after.get(field))));
			}
		}
		return annex;
	}

	private String value(tools.jackson.databind.@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? text("print.none") : node.asString();
	}

	public byte[] docx(MinutesDocument document) {
		try (var word = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
			WordPages.a4(word);
			var header = word.createTable(1, 2);
			noBorders(header);
			var left = header.getRow(0).getCell(0);
			var right = header.getRow(0).getCell(1);
			cellLine(left, document.superior(), false, false, 13);
			cellLine(left, document.branch(), true, false, 13);
			cellLine(left, "*", false, false, 13);
			cellLine(left, document.number(), false, false, 13);
			cellLine(right, document.party(), true, false, 14);
			cellLine(right, document.placeDate(), false, true, 13);
			line(word, "", ParagraphAlignment.CENTER, false, 14);
			line(word, document.title(), ParagraphAlignment.CENTER, true, 15);
			line(word, document.subtitle(), ParagraphAlignment.CENTER, true, 14);
			for (var bodyLine : document.body()) {
				var paragraph = line(word, bodyLine.text(), ParagraphAlignment.BOTH,
						bodyLine.style() != MinutesDocument.Style.PARAGRAPH, 14);
				if (bodyLine.style() == MinutesDocument.Style.PARAGRAPH) {
					paragraph.setFirstLineIndent(567);
				}
			}
			var signatures = word.createTable(1, 2);
			noBorders(signatures);
			signature(signatures.getRow(0).getCell(0), document.takerLabel(), document.signNote(),
					document.takerSigned(), document.takerName());
			signature(signatures.getRow(0).getCell(1), document.chairLabel(), document.signNote(),
					document.chairSigned(), document.chairName());
			for (var annexLine : document.annex()) {
				var paragraph = line(word, annexLine.text(), ParagraphAlignment.BOTH,
						annexLine.style() != MinutesDocument.Style.PARAGRAPH, 14);
				if (annexLine.style() == MinutesDocument.Style.PARAGRAPH) {
					paragraph.setFirstLineIndent(567);
				}
			}
			word.write(out);
			return OfficeFiles.reproducible(out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public byte[] pdf(MinutesDocument document) {
		return pdfs.render("print/minutes", document);
	}

	private static void noBorders(XWPFTable table) {
		table.removeBorders();
		table.setWidth("100%");
	}

	private static void cellLine(XWPFTableCell cell, String text, boolean bold, boolean italic, int size) {
		var paragraph = cell.getParagraphs().getFirst().getRuns().isEmpty() && cell.getParagraphs().size() == 1
				&& cell.getParagraphs().getFirst().getText().isEmpty() ? cell.getParagraphs().getFirst()
						: cell.addParagraph();
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		run(paragraph, text, bold, italic, size);
	}

	private static void signature(XWPFTableCell cell, String label, String note, String signed, String name) {
		cellLine(cell, label, true, false, 14);
		cellLine(cell, note, false, true, 12);
		cellLine(cell, signed, false, true, 11);
		cellLine(cell, name, true, false, 14);
	}

	private static XWPFParagraph line(XWPFDocument word, String text, ParagraphAlignment alignment, boolean bold,
			int size) {
		var paragraph = word.createParagraph();
		paragraph.setAlignment(alignment);
		paragraph.setSpacingAfter(60);
		run(paragraph, text, bold, false, size);
		return paragraph;
	}

	private static void run(XWPFParagraph paragraph, String text, boolean bold, boolean italic, int size) {
		var run = paragraph.createRun();
		run.setFontFamily(FONT);
		run.setFontSize(size);
		run.setBold(bold);
		run.setItalic(italic);
		run.setText(text);
	}

	private MinutesDocument.Line heading(String key) {
		return new MinutesDocument.Line(MinutesDocument.Style.HEADING, text(key));
	}

	private MinutesDocument.Line paragraph(String key, Object... args) {
		return new MinutesDocument.Line(MinutesDocument.Style.PARAGRAPH, text(key, args));
	}

	private static void paragraphs(List<MinutesDocument.Line> body, @Nullable String text) {
		if (text == null) {
			return;
		}
		for (var paragraph : text.split("\n")) {
			if (!paragraph.isBlank()) {
				body.add(new MinutesDocument.Line(MinutesDocument.Style.PARAGRAPH, paragraph.strip()));
			}
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

	private String join(List<String> names) {
		return names.isEmpty() ? text("print.none") : String.join(", ", names);
	}

	private String orNone(@Nullable String name) {
		return (name != null) ? name : text("print.none");
	}

	private String signed(@Nullable OffsetDateTime at) {
		return (at != null)
				? text("print.signedOn",
						at.atZoneSameInstant(clock.getZone()).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")))
				: text("print.notSigned");
	}

	private static String two(int value) {
		return (value < 10) ? "0" + value : String.valueOf(value);
	}

}
