package vn.chibo.home;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.evaluation.EarlyWarning;
import vn.chibo.meeting.AttendanceWarnings;
import vn.chibo.meeting.DocumentRow;
import vn.chibo.meeting.MeetingRow;
import vn.chibo.shared.web.PageOf;
import vn.chibo.meeting.MinutesView;
import vn.chibo.meeting.PlanWarning;
import vn.chibo.meeting.PreparationRow;
import vn.chibo.notification.Inbox;
import vn.chibo.study.StudyQueries;

/**
 * What the start page shows one user: their own month as a member, their branch's as its
 * secretary, the committee's for its office. A part the role does not have is empty.
 *
 * @param next the next meeting of the member's branch (or of the branches kept)
 * @param today whether that meeting is today: the member checks in by the code shown in
 * the room
 * @param toPrepare the next meeting's preparation steps not yet done (docs/domain.md §5)
 * @param minutesToSign meetings held whose minutes are not signed by both signers
 * @param warnings what the committee should look at now in the branches kept
 * (docs/domain.md §6)
 * @param answered proposals the branch sent that the committee answered lately
 * @param waiting proposals waiting for the committee's answer
 * @param week the meetings of the coming seven days in the user's scope (fifty for a
 * committee of fifty branches whose meetings fall in one week)
 */
public record Home(@Nullable MeetingRow next, boolean today, List<String> agenda, List<DocumentRow> documents,
		List<MinutesView.Task> tasks, List<StudyQueries.Assignment> reflections, long unread, List<Inbox.Item> notices,
		@Nullable Attendance attendance, List<PreparationRow> toPrepare, Part<MeetingRow> minutesToSign,
		Part<EarlyWarning> warnings, Part<PlanWarning> planWarnings,
		AttendanceWarnings.@Nullable Listed attendanceWarnings, List<MinutesView.Proposal> answered,
		List<MinutesView.Proposal> waiting, Part<MeetingRow> week) {

	/**
	 * A list the page shows in part: its first items and how many there are in all (the
	 * rest on the page that lists them all). A committee of fifty branches has hundreds
	 * of unsigned minutes and warnings; a start page that listed them all was 280 KB and
	 * took 110 ms to write.
	 *
	 * @param shown the first items
	 * @param total how many there are
	 */
	public record Part<T>(List<T> shown, int total) {

		static <T> Part<T> of(List<T> all, int shown) {
			return new Part<>(List.copyOf(all.subList(0, Math.min(shown, all.size()))), all.size());
		}

		static <T> Part<T> of(PageOf<T> first) {
			return new Part<>(first.items(), Math.toIntExact(first.total()));
		}

		/** How many are not shown. */
		public int more() {
			return total - shown.size();
		}

		public boolean isEmpty() {
			return total == 0;
		}

	}

	/**
	 * A member's attendance at the year's meetings so far.
	 *
	 * @param attended present or late
	 * @param excused absent with a reason
	 * @param unexcused absent without one
	 */
	public record Attendance(int year, int attended, int excused, int unexcused) {

		public int meetings() {
			return attended + excused + unexcused;
		}

	}

}
