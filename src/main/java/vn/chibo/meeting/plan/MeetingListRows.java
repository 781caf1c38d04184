package vn.chibo.meeting.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingRow;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.shared.text.VietnameseDates;

/**
 * The meetings list's rows as the meetings page writes them: a row's six cells written
 * here as one piece of HTML, its texts escaped and the kind and status names resolved
 * once a page, rather than by a dozen expressions and message lookups in each of its
 * twenty rows (docs/architecture.md, "Fast pages"). Public types, so that the page's
 * expressions are compiled.
 */
public final class MeetingListRows {

	/** A meeting's row: its cells as HTML. */
	public record Row(String cells) {
	}

	private MeetingListRows() {
	}

	/**
	 * The rows of the meetings given: the date (and the time when set), the kind linking
	 * to the meeting, the status as a badge, the branch, the topic and the preparer (the
	 * last two hidden on a phone).
	 */
	static List<Row> of(List<MeetingRow> meetings, String contextPath, MessageSource messages, Locale locale) {
		var kinds = new EnumMap<MeetingKind, String>(MeetingKind.class);
		for (var kind : MeetingKind.values()) {
			kinds.put(kind, escape(messages.getMessage("meeting.kind." + kind, null, locale)));
		}
		var statuses = new EnumMap<MeetingStatus, String>(MeetingStatus.class);
		for (var status : MeetingStatus.values()) {
			statuses.put(status, escape(messages.getMessage("meeting.statusShort." + status, null, locale)));
		}
		var rows = new ArrayList<Row>(meetings.size());
		var html = new StringBuilder(512);
		for (var meeting : meetings) {
			html.setLength(0);
			html.append("<td><span>")
				.append(meeting.scheduledOn().format(VietnameseDates.SHOWN_DATE))
				.append("</span>");
			if (meeting.startsAt() != null) {
				html.append(" <span>").append(meeting.startsAt().format(VietnameseDates.SHOWN_TIME)).append("</span>");
			}
			html.append("</td><td><a href=\"")
				.append(escape(contextPath))
				.append("/meetings/")
				.append(meeting.id())
				.append("\">")
				.append(kinds.get(meeting.kind()))
				.append("</a></td><td><span class=\"badge ")
				.append(badge(meeting.status()))
				.append("\">")
				.append(statuses.get(meeting.status()))
				.append("</span></td><td>")
				.append(escape(meeting.branchName()))
				.append("</td><td class=\"hide-sm\">")
				.append(escape(meeting.topic()))
				.append("</td><td class=\"hide-sm\">")
				.append(escape(meeting.preparerName()))
				.append("</td>");
			rows.add(new Row(html.toString()));
		}
		return rows;
	}

	private static String badge(MeetingStatus status) {
		return switch (status) {
			case HELD -> "text-bg-success";
			case CANCELLED -> "text-bg-dark";
			default -> "text-bg-light border";
		};
	}

	private static String escape(@Nullable String text) {
		return (text == null) ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
