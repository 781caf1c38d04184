package vn.chibo.classification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.AttendanceHistory;
import vn.chibo.meeting.MemberAttendance;
import vn.chibo.meeting.MinutesQueries;
import vn.chibo.meeting.TaskStatus;
import vn.chibo.recognition.Awards;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.study.StudyQueries;
import vn.chibo.training.EnrolmentStatus;
import vn.chibo.training.TrainingQueries;

/**
 * What chibo knows of a member's year for the self-review (docs/domain.md §7 step 1): the
 * meetings attended and missed, the tasks the branch gave and how they were done, the
 * study sessions and the reflections' grades, the training completed, the awards, and
 * whether the member was disciplined — each read through its module — and the draft of
 * the self-review written from them, for the member to correct and complete.
 */
@Component
@Transactional(readOnly = true)
class YearFacts {

	private final AttendanceHistory attendance;

	private final MinutesQueries minutes;

	private final StudyQueries study;

	private final TrainingQueries training;

	private final Awards awards;

	private final MessageSource messages;

	private final Clock clock;

	YearFacts(AttendanceHistory attendance, MinutesQueries minutes, StudyQueries study, TrainingQueries training,
			Awards awards, MessageSource messages, Clock clock) {
		this.attendance = attendance;
		this.minutes = minutes;
		this.study = study;
		this.training = training;
		this.awards = awards;
		this.messages = messages;
		this.clock = clock;
	}

	record Facts(int year, int present, int excused, int unexcused, int tasks, int tasksOnTime, int tasksLate,
			int tasksOpen, StudyQueries.OwnYear study, List<String> training, List<String> awards,
			boolean disciplined) {
	}

	/** One's own year. */
	Facts own(CurrentUser user, int year, boolean disciplined) {
		var present = 0;
		var excused = 0;
		var unexcused = 0;
		var lines = (user.memberId() != null) ? attendance.ofYear(user, year, user.memberId())
				: List.<MemberAttendance>of();
		for (var a : lines) {
			if (a.status().attended()) {
				present++;
			}
			else if (a.status() == AttendanceStatus.ABSENT_EXCUSED) {
				excused++;
			}
			else {
				unexcused++;
			}
		}
		var tasks = 0;
		var onTime = 0;
		var late = 0;
		var open = 0;
		var memberId = user.memberId();
		if (memberId != null) {
			for (var t : minutes.tasksOf(user, memberId)) {
				if (t.dueOn().getYear() != year) {
					continue;
				}
				tasks++;
				var doneAt = t.doneAt();
				if (t.status() == TaskStatus.OPEN || doneAt == null) {
					open++;
				}
				else if (doneAt.atZoneSameInstant(clock.getZone()).toLocalDate().isAfter(t.dueOn())) {
					late++;
				}
				else {
					onTime++;
				}
			}
		}
		var completed = training.mine(user)
			.stream()
			.filter((e) -> e.status() == EnrolmentStatus.COMPLETED
					&& (e.completedOn() != null ? e.completedOn().getYear() : e.planYear()) == year)
			.map((e) -> e.courseTitle())
			.toList();
		var awarded = (memberId == null) ? List.<String>of()
				: awards.ofMember(user, memberId)
					.stream()
					.filter((a) -> a.decidedOn().getYear() == year)
					.map((a) -> a.title())
					.toList();
		return new Facts(year, present, excused, unexcused, tasks, onTime, late, open, study.ownYear(user, year),
				completed, awarded, disciplined);
	}

	/** The draft of the self-review from the facts, one line each (Vietnamese). */
	String draft(Facts f) {
		var vi = Locale.forLanguageTag("vi");
		var lines = new ArrayList<String>();
		lines.add(messages.getMessage("classification.draft.meetings",
				new Object[] { String.valueOf(f.year()), f.present(), f.excused(), f.unexcused() }, vi));
		lines.add(messages.getMessage("classification.draft.tasks",
				new Object[] { f.tasks(), f.tasksOnTime(), f.tasksLate(), f.tasksOpen() }, vi));
		var s = f.study();
		lines.add(messages.getMessage("classification.draft.study",
				new Object[] { s.present(), s.called(), s.handedIn(), s.excellent(), s.good(), s.pass(), s.fail() },
				vi));
		lines.add(f.training().isEmpty() ? messages.getMessage("classification.draft.noTraining", null, vi) : messages
			.getMessage("classification.draft.training", new Object[] { String.join("; ", f.training()) }, vi));
		lines.add(f.awards().isEmpty() ? messages.getMessage("classification.draft.noAwards", null, vi) : messages
			.getMessage("classification.draft.awards", new Object[] { String.join("; ", f.awards()) }, vi));
		lines.add(messages.getMessage(
				f.disciplined() ? "classification.draft.disciplined" : "classification.draft.notDisciplined", null,
				vi));
		return String.join("\n", lines);
	}

}
