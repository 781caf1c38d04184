package vn.chibo.meeting.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import vn.chibo.meeting.AttendanceWarning;
import vn.chibo.shared.text.VietnameseDates;

/**
 * The attendance warnings as the meetings page lists them: each warning's sentence and
 * link made here, rather than by a message expression of three arguments and a link
 * expression in each of the page's twenty items (docs/architecture.md, "Fast pages").
 * Public types, so that the page's expressions are compiled.
 */
public final class AttendanceWarningItems {

	/**
	 * A warning: the member's attendance page for the year, the sentence, the branch.
	 */
	public record Item(String href, String text, String branchName) {
	}

	private AttendanceWarningItems() {
	}

	static List<Item> of(List<AttendanceWarning> warnings, int year, String contextPath, MessageSource messages,
			Locale locale) {
		var items = new ArrayList<Item>(warnings.size());
		for (var w : warnings) {
			items.add(new Item(contextPath + "/meetings/attendance/members/" + w.memberId() + "?year=" + year,
					messages.getMessage("attendance.warning." + w.kind(),
							new Object[] { w.memberName(), w.on().format(VietnameseDates.SHOWN_DATE), w.count() },
							locale),
					w.branchName()));
		}
		return items;
	}

}
