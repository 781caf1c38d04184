package vn.chibo.meeting.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberQueries;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.print.ReportDocument;
import vn.chibo.shared.print.ReportDocuments;
import vn.chibo.shared.security.CurrentUser;

import vn.chibo.meeting.DocumentRow;
import vn.chibo.meeting.MeetingQueries;

/**
 * The printed notice of a meeting (thông báo, giấy mời) in the Party's layout
 * (docs/domain.md §16): the committee above the branch, "THÔNG BÁO" about the meeting,
 * its time, place, who attends (the members, the guests invited), the agenda and the
 * documents shared, signed for the branch by its secretary; sent to those invited, a copy
 * kept by the branch. Read from the meeting as it stands: nothing is written.
 */
@Service
@Transactional(readOnly = true)
public class NoticeDocument {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final MeetingQueries meetings;

	private final OrganizationQueries organizations;

	private final MemberQueries members;

	private final ReportDocuments documents;

	private final MessageSource messages;

	private final Clock clock;

	NoticeDocument(MeetingQueries meetings, OrganizationQueries organizations, MemberQueries members,
			ReportDocuments documents, MessageSource messages, Clock clock) {
		this.meetings = meetings;
		this.organizations = organizations;
		this.members = members;
		this.documents = documents;
		this.messages = messages;
		this.clock = clock;
	}

	/** The notice of a meeting the user reads. */
	public ReportDocument of(CurrentUser user, long meetingId) {
		var meeting = meetings.readable(user, meetingId);
		var branch = organizations.find(user.committeeId(), meeting.branchId()).orElseThrow();
		var superior = organizations.superiorName(user.committeeId(), branch);
		var kind = text("meeting.kindLower." + meeting.kind());
		var month = String.valueOf(meeting.scheduledOn().getMonthValue());
		var year = String.valueOf(meeting.scheduledOn().getYear());
		var sections = new ArrayList<ReportDocument.Section>();
		sections
			.add(ReportDocument.Section.text("", List.of(text("notice.print.lead", branch.name(), kind, month, year))));
		var time = (meeting.startsAt() != null)
				? text("notice.print.timeAt", meeting.startsAt().format(DateTimeFormatter.ofPattern("HH")),
						meeting.startsAt().format(DateTimeFormatter.ofPattern("mm")),
						meeting.scheduledOn().format(DATE))
				: text("notice.print.dayOnly", meeting.scheduledOn().format(DATE));
		sections.add(ReportDocument.Section.text(text("notice.print.time"), List.of(time)));
		sections.add(ReportDocument.Section.text(text("notice.print.place"),
				List.of((meeting.place() != null) ? meeting.place() : text("notice.placeUnset"))));
		var attending = new ArrayList<String>();
		var roster = members.rosterOn(user.committeeId(), meeting.branchId(), meeting.scheduledOn()).size();
		attending.add(text("notice.print.members", roster));
		var guests = meetings.guests(user, meetingId);
		if (!guests.isEmpty()) {
			attending.add(text("notice.print.guests",
					String.join("; ",
							guests.stream()
								.map((g) -> (g.title() != null) ? g.name() + " – " + g.title() : g.name())
								.toList())));
		}
		sections.add(ReportDocument.Section.text(text("notice.print.attending"), attending));
		var agenda = new ArrayList<String>();
		if (meeting.topic() != null) {
			agenda.add(text("print.topic", meeting.topic()));
		}
		meetings.agenda(user, meetingId).forEach((item) -> agenda.add("- " + item + "."));
		sections.add(ReportDocument.Section.text(text("notice.print.agenda"), agenda));
		var shared = meetings.documents(user, meetingId).stream().filter(DocumentRow::shared).toList();
		sections.add(ReportDocument.Section.text(text("notice.print.documents"),
				shared.isEmpty() ? List.of(text("notice.print.documentsLater"))
						: shared.stream().map((d) -> "- " + d.fileName() + ".").toList()));
		sections.add(ReportDocument.Section.text("", List.of(text("notice.print.closing"))));
		var place = organizations.placeName(user.committeeId()).orElse("");
		return new ReportDocument(superior.toUpperCase(VI), branch.name().toUpperCase(VI), text("notice.print.number"),
				text("print.party"), text("print.placeDate", ReportDocuments.placeDate(place, LocalDate.now(clock))),
				text("notice.print.title"), text("notice.print.subtitle", kind, month, year), sections,
				// A branch signs "T/M CHI BỘ" with its secretary (docs/domain.md §16
				// signing).
				text("study.report.signFor.branch"), text("report.signTitle"),
				members.secretaryName(user.committeeId(), meeting.branchId()))
			.to(List.of(text("notice.print.recipient.invited"), text("print.recipient.archive.branch")));
	}

	public byte[] pdf(ReportDocument notice) {
		return documents.pdf(notice);
	}

	public byte[] docx(ReportDocument notice) {
		return documents.docx(notice);
	}

	private String text(String key, @Nullable Object... args) {
		return messages.getMessage(key, args, VI);
	}

}
