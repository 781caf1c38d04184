package vn.chibo.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;

import vn.chibo.evaluation.Evaluations;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.HeldMeeting;
import vn.chibo.meeting.MeetingHistory;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingService;
import vn.chibo.meeting.PreparationStep;
import vn.chibo.meeting.TaskStatus;
import vn.chibo.meeting.TopicGroup;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberRow;
import vn.chibo.shared.security.CurrentUser;

/**
 * The demo committee's meeting history (docs/domain.md §14 "generated activity"): every
 * branch's regular meeting each month from 07/2020 to the current month and a thematic
 * meeting each quarter, with preparation, attendance, minutes, speeches, resolution
 * targets, tasks and proposals — mostly good months and some weak ones (a late start, low
 * attendance, an absence without reason, no chi ủy meeting, documents late, minutes never
 * signed), so that the evaluation has something to find. The rest of the current year is
 * planned.
 */
@Component
class DemoMeetings {

	static final LocalDate FIRST_MONTH = LocalDate.of(2020, 7, 1);

	private static final String[] PLACES = { "Phòng họp tầng 2", "Hội trường đơn vị", "Phòng họp chi bộ" };

	private static final String[] REASONS = { "Đi công tác", "Ốm", "Nghỉ phép", "Việc gia đình", "Trực ca" };

	private static final String[] INFORMATION = {
			"Thông tin tình hình thời sự trong nước, quốc tế; văn bản mới của Đảng ủy Khối và Đảng ủy Cục.",
			"Quán triệt nghị quyết của Đảng ủy Cục về nhiệm vụ thu ngân sách và cải cách thủ tục hải quan.",
			"Thông tin kết quả hội nghị Ban Chấp hành Trung ương và chủ trương mới về xây dựng Đảng.",
			"Phổ biến văn bản mới về quản lý hải quan, phòng, chống buôn lậu, gian lận thương mại." };

	private static final String[] REVIEWS = {
			"Chi bộ hoàn thành các nhiệm vụ trọng tâm; đảng viên yên tâm công tác, chấp hành tốt kỷ luật.",
			"Phần lớn chỉ tiêu đạt; một số việc chậm do khối lượng công việc tăng, cần rút kinh nghiệm.",
			"Tư tưởng đảng viên ổn định; tinh thần trách nhiệm được nâng lên, phối hợp giữa các bộ phận tốt hơn." };

	private static final String[] SPEECHES = {
			"Đề nghị chi bộ tăng cường kiểm tra việc thực hiện quy trình nghiệp vụ tại bộ phận.",
			"Thống nhất với dự thảo nghị quyết; đề nghị bổ sung giải pháp về ứng dụng công nghệ thông tin.",
			"Bộ phận đã hoàn thành chỉ tiêu được giao; còn vướng mắc về nhân lực trong ca trực.",
			"Đề nghị biểu dương đồng chí trong tổ đã phát hiện vụ vi phạm, góp phần hoàn thành nhiệm vụ.",
			"Cần nhắc nhở đảng viên chấp hành giờ giấc và chế độ báo cáo.",
			"Đề xuất phối hợp chặt chẽ hơn với lực lượng biên phòng, công an trên địa bàn.",
			"Tán thành đánh giá của chi ủy; bản thân sẽ khắc phục hạn chế đã được góp ý." };

	private static final String[] TARGETS = { "Hoàn thành 100% hồ sơ được giao đúng thời hạn",
			"Thu ngân sách đạt kế hoạch tháng", "100% đảng viên học tập, quán triệt nghị quyết mới",
			"Không để xảy ra sai phạm trong thực thi công vụ", "Hoàn thành báo cáo tháng trước ngày 25",
			"Tổ chức ít nhất một đợt kiểm tra nội bộ", "100% đảng viên đóng đảng phí đúng hạn" };

	private static final String[] TASKS = { "Rà soát hồ sơ tồn đọng của bộ phận",
			"Chuẩn bị báo cáo chuyên đề tháng tới", "Theo dõi việc khắc phục sau kiểm tra",
			"Tổng hợp ý kiến đóng góp của quần chúng", "Phụ trách cập nhật tài liệu trên sổ tay đảng viên",
			"Hướng dẫn đảng viên dự bị viết bản tự kiểm điểm" };

	private static final String[] PROPOSALS = { "Đề nghị Đảng ủy bố trí thêm máy soi hành lý cho bộ phận",
			"Đề nghị tổ chức lớp bồi dưỡng nghiệp vụ cho đảng viên trẻ",
			"Đề nghị cấp trên sớm ban hành hướng dẫn về quy trình mới" };

	private static final String[] ANSWERS = { "Đảng ủy đã đề nghị Cục bố trí trong kế hoạch năm",
			"Đảng ủy sẽ phối hợp tổ chức trong quý tới", "Đảng ủy đã chuyển ý kiến tới cơ quan chức năng" };

	private static final Map<TopicGroup, String[]> TOPICS = Map.of(TopicGroup.HO_CHI_MINH,
			new String[] {
					"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tinh thần phục vụ nhân dân",
					"Làm theo Bác về thực hành tiết kiệm, chống lãng phí" },
			TopicGroup.ANTI_CORRUPTION,
			new String[] { "Phòng, chống tham nhũng, tiêu cực trong thực thi công vụ hải quan" },
			TopicGroup.PARTY_BUILDING,
			new String[] { "Nâng cao chất lượng sinh hoạt chi bộ", "Phát huy vai trò nêu gương của đảng viên" },
			TopicGroup.CAPACITY, new String[] { "Nâng cao năng lực chuyên môn, ngoại ngữ cho đảng viên trẻ" },
			TopicGroup.ANTI_DEGRADATION,
			new String[] { "Nhận diện biểu hiện suy thoái, \"tự diễn biến\", \"tự chuyển hóa\" trong nội bộ" });

	private final MeetingHistory history;

	private final MeetingService meetings;

	private final MemberQueries members;

	private final Clock clock;

	private final Evaluations evaluations;

	DemoMeetings(MeetingHistory history, MeetingService meetings, MemberQueries members, Clock clock,
			Evaluations evaluations) {
		this.evaluations = evaluations;
		this.history = history;
		this.meetings = meetings;
		this.members = members;
		this.clock = clock;
	}

	/**
	 * Loads the history of every branch; {@code secretaries} and {@code takers} are the
	 * member who chairs and the one who takes the minutes, by branch.
	 */
	int load(CurrentUser system, List<Long> branchIds, List<Long> secretaries, List<Long> takers) {
		var random = new Random(20200701);
		var today = LocalDate.now(clock);
		var zone = clock.getZone();
		var held = new ArrayList<HeldMeeting>();
		var topicGroups = TopicGroup.values();
		for (var b = 0; b < branchIds.size(); b++) {
			var branchId = branchIds.get(b);
			for (var month = YearMonth.from(FIRST_MONTH); !month.isAfter(YearMonth.from(today)); month = month
				.plusMonths(1)) {
				var date = weekday(month.atDay(25));
				if (!date.isBefore(today)) {
					break;
				}
				var recentMonths = month.until(YearMonth.from(today), ChronoUnit.MONTHS);
				// A weak month now and then; and in the last months a few chosen ones the
				// warnings should show.
				var weakness = (random.nextInt(100) < 9) ? Weakness.values()[random.nextInt(Weakness.values().length)]
						: Weakness.NONE;
				if (recentMonths == 0 && b == 3) {
					weakness = Weakness.UNSIGNED;
				}
				if (recentMonths == 1 && b == 6) {
					weakness = Weakness.UNEXCUSED;
				}
				if (recentMonths == 0 && b == 7) {
					weakness = Weakness.LOW_ATTENDANCE;
				}
				if (month.getMonthValue() % 3 == 2) {
					var group = topicGroups[random.nextInt(topicGroups.length - 1)];
					var topics = TOPICS.getOrDefault(group, TOPICS.get(TopicGroup.PARTY_BUILDING));
					var thematicDate = weekday(month.atDay(10));
					if (thematicDate.isBefore(today)) {
						held.add(meeting(system, random, branchId, MeetingKind.THEMATIC, thematicDate,
								topics[random.nextInt(topics.length)], group, secretaries.get(b), takers.get(b),
								Weakness.NONE, today, zone));
					}
				}
				held.add(meeting(system, random, branchId, MeetingKind.REGULAR, date, null, null, secretaries.get(b),
						takers.get(b), weakness, today, zone));
			}
			// The year-end review meeting of each December held (docs/domain.md §7 step
			// 2),
			// with
			// its own draws so that the months' stay as they were.
			for (var year = FIRST_MONTH.getYear(); year < today.getYear(); year++) {
				var date = weekday(LocalDate.of(year, 12, 15));
				held.add(meeting(system, new Random(branchId * 10_000 + year), branchId, MeetingKind.YEAR_REVIEW, date,
						"Kiểm điểm, đánh giá, xếp loại chất lượng đảng viên và chi bộ năm " + year,
						TopicGroup.PARTY_BUILDING, secretaries.get(b), takers.get(b), Weakness.NONE, today, zone));
			}
		}
		held.sort(Comparator.comparing(HeldMeeting::date));
		var count = history.importHeld(system.committeeId(), system.username(), held);
		// The branches' self-scores of the criteria scored by hand: mostly near the
		// maximum, now and then well below (docs/domain.md §14: scores mostly 75–95).
		evaluations.scoreUnscored(system.committeeId(), system.username(), FIRST_MONTH, (meetingId, criterion) -> {
			var draw = new Random(meetingId * 7919 + criterion.code().hashCode());
			var share = (draw.nextInt(100) < 12) ? 0.5 + draw.nextDouble() * 0.3 : 0.8 + draw.nextDouble() * 0.2;
			// One-point criteria (and pass/fail ones) are given or not.
			return (criterion.max() <= 1) ? ((share >= 0.65) ? criterion.max() : 0)
					: Math.round(criterion.max() * share * 2) / 2.0;
		});
		for (var branchId : branchIds) {
			meetings.planYear(system, branchId, today.getYear());
		}
		return count;
	}

	private enum Weakness {

		NONE, LATE_START, LOW_ATTENDANCE, UNEXCUSED, NO_EXECUTIVE_MEETING, DOCUMENTS_LATE, UNSIGNED

	}

	private HeldMeeting meeting(CurrentUser system, Random random, long branchId, MeetingKind kind, LocalDate date,
			String topic, TopicGroup group, long chair, long taker, Weakness weakness, LocalDate today, ZoneId zone) {
		var thematic = kind == MeetingKind.THEMATIC;
		// Targets, tasks and proposals belong to the regular meeting's resolution.
		var resolves = kind == MeetingKind.REGULAR;
		var start = thematic ? LocalTime.of(8, 0) : LocalTime.of(14, 0);
		var minutes = 95 + random.nextInt(50);
		if (weakness == Weakness.LATE_START) {
			// Started late and cut short: under half the minimum, held at Trung bình.
			start = start.plusMinutes(40);
			minutes = 35 + random.nextInt(9);
		}
		var end = start.plusMinutes(minutes);
		var roster = members.rosterOn(system.committeeId(), branchId, date);
		var attendance = new LinkedHashMap<Long, HeldMeeting.Attendance>();
		var presentRate = (weakness == Weakness.LOW_ATTENDANCE) ? 72 : 95;
		var unexcusedGiven = false;
		var present = new ArrayList<MemberRow>();
		for (var member : roster) {
			HeldMeeting.Attendance entry;
			if (member.exempted()) {
				entry = new HeldMeeting.Attendance(AttendanceStatus.ABSENT_EXCUSED, "Miễn sinh hoạt đảng");
			}
			else if (member.temporaryOut()) {
				entry = new HeldMeeting.Attendance(AttendanceStatus.ABSENT_EXCUSED, "Sinh hoạt tạm thời nơi khác");
			}
			else if (member.id() == chair || member.id() == taker) {
				entry = new HeldMeeting.Attendance(AttendanceStatus.PRESENT, null);
			}
			else if (weakness == Weakness.UNEXCUSED && !unexcusedGiven) {
				entry = new HeldMeeting.Attendance(AttendanceStatus.ABSENT_UNEXCUSED, null);
				unexcusedGiven = true;
			}
			else if (random.nextInt(100) < presentRate) {
				entry = new HeldMeeting.Attendance(
						(random.nextInt(100) < 3) ? AttendanceStatus.LATE : AttendanceStatus.PRESENT, null);
			}
			else {
				entry = new HeldMeeting.Attendance(AttendanceStatus.ABSENT_EXCUSED,
						REASONS[random.nextInt(REASONS.length)]);
			}
			attendance.put(member.id(), entry);
			if (entry.status().attended()) {
				present.add(member);
			}
		}
		var preparation = new EnumMap<PreparationStep, OffsetDateTime>(PreparationStep.class);
		if (weakness != Weakness.NO_EXECUTIVE_MEETING) {
			preparation.put(PreparationStep.EXECUTIVE_MEETING, at(date, 6, 15, zone));
		}
		preparation.put(PreparationStep.DRAFTS_READY, at(date, 5, 10, zone));
		preparation.put(PreparationStep.NOTICE_SENT, at(date, 4, 9, zone));
		preparation.put(PreparationStep.DOCUMENTS_AVAILABLE,
				(weakness == Weakness.DOCUMENTS_LATE) ? at(date, 0, 8, zone) : at(date, 2, 16, zone));
		var speeches = new ArrayList<HeldMeeting.Speech>();
		// A third to two thirds of those present speak; fewer in a weak month.
		var share = (weakness == Weakness.NONE) ? 35 + random.nextInt(30) : 15 + random.nextInt(20);
		var speakers = Math.max(Math.min(present.size(), 2), present.size() * share / 100);
		var order = new ArrayList<>(present);
		Collections.shuffle(order, random);
		for (var i = 0; i < speakers; i++) {
			speeches.add(new HeldMeeting.Speech(order.get(i).id(), SPEECHES[random.nextInt(SPEECHES.length)]));
		}
		var targets = new ArrayList<String>();
		var previousMet = new ArrayList<Boolean>();
		var tasks = new ArrayList<HeldMeeting.Task>();
		var proposals = new ArrayList<HeldMeeting.Proposal>();
		if (resolves) {
			var offset = random.nextInt(TARGETS.length);
			for (var i = 0; i < 4; i++) {
				targets.add(TARGETS[(offset + i) % TARGETS.length]);
				previousMet.add(random.nextInt(100) < ((weakness == Weakness.NONE) ? 92 : 55));
			}
			for (var i = 0; i < 2 && !present.isEmpty(); i++) {
				var due = date.plusDays(20);
				var status = due.isBefore(today.minusDays(30)) ? TaskStatus.VERIFIED
						: (due.isBefore(today) && random.nextBoolean()) ? TaskStatus.DONE : TaskStatus.OPEN;
				tasks.add(new HeldMeeting.Task(present.get(random.nextInt(present.size())).id(),
						TASKS[random.nextInt(TASKS.length)], due, status));
			}
			if (random.nextInt(8) == 0 && !present.isEmpty()) {
				var answered = date.isBefore(today.minusMonths(2));
				var index = random.nextInt(PROPOSALS.length);
				proposals.add(new HeldMeeting.Proposal(present.get(random.nextInt(present.size())).fullName(),
						PROPOSALS[index], answered ? ANSWERS[index] : null));
			}
		}
		var signedAt = (weakness == Weakness.UNSIGNED) ? null
				: date.atTime(end).plusMinutes(15).atZone(zone).toOffsetDateTime();
		var resolution = thematic
				? "Chi bộ thống nhất hoàn thiện chuyên đề, đưa vào kế hoạch thực hiện của từng đảng viên."
				: resolves ? "Chi bộ thống nhất các chỉ tiêu, nhiệm vụ tháng tới và phân công đảng viên thực hiện."
						: "Chi bộ biểu quyết đề xuất mức xếp loại của từng đảng viên và tự đánh giá chi bộ, "
								+ "báo cáo Đảng ủy xem xét, quyết định.";
		return new HeldMeeting(branchId, kind, date, start, end, PLACES[random.nextInt(PLACES.length)], topic, group,
				thematic ? present.get(random.nextInt(present.size())).id() : null, preparation, attendance, chair,
				taker, INFORMATION[random.nextInt(INFORMATION.length)], REVIEWS[random.nextInt(REVIEWS.length)],
				"Chủ trì kết luận: chi bộ đánh giá đúng kết quả, thống nhất nhiệm vụ và giải pháp.", resolution,
				speeches, targets, previousMet, tasks, proposals, signedAt);
	}

	private static OffsetDateTime at(LocalDate date, int daysBefore, int hour, ZoneId zone) {
		return date.minusDays(daysBefore).atTime(hour, 0).atZone(zone).toOffsetDateTime();
	}

	/** The working day on or before {@code date}. */
	private static LocalDate weekday(LocalDate date) {
		var day = date;
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.minusDays(1);
		}
		return day;
	}

}
