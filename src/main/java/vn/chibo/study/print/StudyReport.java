package vn.chibo.study.print;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.print.ReportDocument;
import vn.chibo.shared.print.ReportDocuments;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.study.Presence;
import vn.chibo.study.StudyQueries;

/**
 * The organiser's report of a study session in the Party's layout (docs/domain.md §16,
 * through the shared report template): what was studied and who reported, attendance with
 * the absent named, and the reflections by grade for each branch — all from the records.
 */
@Component
public class StudyReport {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final StudyQueries queries;

	private final OrganizationQueries organizations;

	private final MemberQueries members;

	private final ReportDocuments documents;

	private final MessageSource messages;

	private final Clock clock;

	StudyReport(StudyQueries queries, OrganizationQueries organizations, MemberQueries members,
			ReportDocuments documents, MessageSource messages, Clock clock) {
		this.queries = queries;
		this.organizations = organizations;
		this.members = members;
		this.documents = documents;
		this.messages = messages;
		this.clock = clock;
	}

	public byte[] pdf(CurrentUser user, long sessionId) {
		var session = queries.session(user, sessionId);
		if (!queries.manages(user, session)) {
			throw new AccessDeniedException("study");
		}
		var attendees = queries.attendees(user, sessionId);
		var organizer = organizations.find(user.committeeId(), session.organizerId()).orElseThrow();
		var superior = organizations.superiorName(user.committeeId(), organizer);
		var sections = new ArrayList<ReportDocument.Section>();
		var general = new ArrayList<String>();
		general.add(text("study.report.when", DATE.format(session.heldOn()),
				(session.place() != null) ? session.place() : ""));
		if (!session.documents().isEmpty()) {
			general.add(text("study.report.documents", String.join("; ",
					session.documents().stream().map((d) -> d.number() + " — " + d.title()).toList())));
		}
		if (session.reporter() != null) {
			general.add(text("study.report.reporter", (session.reporterPost() != null)
					? session.reporter() + ", " + session.reporterPost() : session.reporter()));
		}
		sections.add(new ReportDocument.Section(text("study.report.section.general"), general, List.of()));

		var rated = attendees.stream().filter((a) -> !a.exempted()).toList();
		var present = rated.stream().filter((a) -> a.status() == Presence.PRESENT).count();
		var attendance = new ArrayList<String>();
		attendance.add(text("study.report.attendance", present, rated.size(),
				(rated.isEmpty()) ? 0 : Math.round(100.0 * present / rated.size()), attendees.size() - rated.size()));
		var excused = rated.stream()
			.filter((a) -> a.status() == Presence.ABSENT_EXCUSED)
			.map((a) -> a.fullName() + " (" + a.reason() + ")")
			.toList();
		var unexcused = rated.stream()
			.filter((a) -> a.status() == Presence.ABSENT_UNEXCUSED)
			.map(StudyQueries.Attendee::fullName)
			.toList();
		if (!excused.isEmpty()) {
			attendance.add(text("study.report.excused", excused.size(), String.join(", ", excused)));
		}
		if (!unexcused.isEmpty()) {
			attendance.add(text("study.report.unexcused", unexcused.size(), String.join(", ", unexcused)));
		}
		sections.add(new ReportDocument.Section(text("study.report.section.attendance"), attendance, List.of()));

		if (session.reflectionDue() != null) {
			var table = new ArrayList<List<String>>();
			table.add(List.of(text("study.report.branch"), text("study.report.present"), text("study.report.handedIn"),
					text("study.grade.EXCELLENT"), text("study.grade.GOOD"), text("study.grade.PASS"),
					text("study.grade.FAIL")));
			var byBranch = new LinkedHashMap<String, long[]>();
			for (var a : rated) {
				var row = byBranch.computeIfAbsent(a.branchName(), (k) -> new long[6]);
				row[0] += (a.status() == Presence.PRESENT) ? 1 : 0;
				row[1] += (a.reflection() != null && a.reflection().handedIn()) ? 1 : 0;
				if (a.grade() != null) {
					row[2 + a.grade().ordinal()]++;
				}
			}
			var total = new long[6];
			for (var entry : byBranch.entrySet()) {
				var line = new ArrayList<String>();
				line.add(entry.getKey());
				for (var i = 0; i < 6; i++) {
					line.add(String.valueOf(entry.getValue()[i]));
					total[i] += entry.getValue()[i];
				}
				table.add(line);
			}
			var sum = new ArrayList<String>();
			sum.add(text("study.report.total"));
			for (var value : total) {
				sum.add(String.valueOf(value));
			}
			table.add(sum);
			var flagged = attendees.stream().filter(StudyQueries.Attendee::flagged).count();
			sections.add(new ReportDocument.Section(text("study.report.section.reflections"), List
				.of(text("study.report.reflections", total[1], present, DATE.format(session.reflectionDue()), flagged)),
					table));
		}
		var branch = organizer.level().holdsMembers();
		var secretary = members.secretaryName(user.committeeId(), organizer.id());
		var today = LocalDate.now(clock);
		var place = organizations.placeName(user.committeeId()).orElse("");
		var printed = new ReportDocument(superior.toUpperCase(VI), organizer.name().toUpperCase(VI),
				text(branch ? "study.report.number.branch" : "study.report.number.committee"), text("print.party"),
				text("print.placeDate", ReportDocuments.placeDate(place, today)), text("report.title"),
				text("study.report.subtitle", session.title()), sections,
				text(branch ? "study.report.signFor.branch" : "study.report.signFor.committee"),
				text("report.signTitle"), secretary)
			.to(documents.recipients(superior, branch));
		return documents.pdf(printed);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
