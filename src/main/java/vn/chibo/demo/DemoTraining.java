package vn.chibo.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.member.MemberFilter;
import vn.chibo.member.MemberQueries;
import vn.chibo.member.MemberStatus;
import vn.chibo.member.Post;
import vn.chibo.member.TheoryLevel;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.training.CourseForm;
import vn.chibo.training.CourseKind;
import vn.chibo.training.CourseMode;
import vn.chibo.training.EnrolmentStatus;
import vn.chibo.training.TrainingService;

/**
 * The demo's training (docs/domain.md §14, seed): the 5 advanced and 13 intermediate
 * political theory graduates of 2015–2020 with their courses and certificates; the yearly
 * party-work training of the branch secretaries since 2021; the intermediate course of
 * 2025 that raised two members' level; and this year's plan, still under way.
 */
@Component
class DemoTraining {

	private static final String SCHOOL = "Trường Chính trị Trần Phú tỉnh Hà Tĩnh";

	private final TrainingService training;

	private final MemberQueries members;

	private final OrganizationQueries organizations;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoTraining(TrainingService training, MemberQueries members, OrganizationQueries organizations,
			TransactionTemplate transaction, Clock clock) {
		this.training = training;
		this.members = members;
		this.organizations = organizations;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Answers how many courses were loaded; each year's in a transaction of its own. */
	int load(CurrentUser office) {
		var today = LocalDate.now(clock);
		var advanced = ids(office, TheoryLevel.ADVANCED, 5);
		var intermediate = ids(office, TheoryLevel.INTERMEDIATE, 13);
		var elementary = ids(office, TheoryLevel.ELEMENTARY, 6);
		var courses = 0;
		// 2015–2020: the seed's graduates, two advanced and three intermediate courses.
		courses += transaction.execute((s) -> {
			course(office, CourseKind.THEORY, TheoryLevel.ADVANCED,
					"Lớp cao cấp lý luận chính trị hệ không tập trung khóa 2016–2018", "Học viện Chính trị khu vực III",
					LocalDate.of(2016, 3, 1), LocalDate.of(2018, 1, 20), CourseMode.PART_TIME, advanced.subList(0, 3),
					"CC-2018-", LocalDate.of(2018, 1, 20));
			course(office, CourseKind.THEORY, TheoryLevel.ADVANCED,
					"Lớp cao cấp lý luận chính trị hệ không tập trung khóa 2018–2020", "Học viện Chính trị khu vực III",
					LocalDate.of(2018, 4, 2), LocalDate.of(2020, 3, 15), CourseMode.PART_TIME, advanced.subList(3, 5),
					"CC-2020-", LocalDate.of(2020, 3, 15));
			for (var k = 0; k < 3; k++) {
				var start = LocalDate.of(2015 + 2 * k, 9, 5);
				course(office, CourseKind.THEORY, TheoryLevel.INTERMEDIATE,
						"Lớp trung cấp lý luận chính trị - hành chính khóa " + start.getYear() + "–"
								+ (start.getYear() + 1),
						SCHOOL, start, start.plusMonths(10), CourseMode.PART_TIME,
						intermediate.subList(k * 5, Math.min(13, k * 5 + 5)), "TC-" + (start.getYear() + 1) + "-",
						start.plusMonths(10));
			}
			return 5;
		});
		// The branch secretaries' yearly party-work training since 2021.
		var secretaries = secretaries(office);
		for (var year = 2021; year <= today.getYear(); year++) {
			var held = LocalDate.of(year, 3, 18);
			if (held.isAfter(today)) {
				break;
			}
			courses += transaction.execute((s) -> {
				course(office, CourseKind.PARTY_WORK, null,
						"Tập huấn nghiệp vụ công tác Đảng cho bí thư, phó bí thư chi bộ năm " + held.getYear(),
						"Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh", held, held.plusDays(1), CourseMode.SHORT,
						secretaries, null, held.plusDays(1));
				return 1;
			});
		}
		// 2025: two members raised to intermediate; this year's course under way.
		courses += transaction.execute((s) -> {
			var start = LocalDate.of(2025, 3, 10);
			course(office, CourseKind.THEORY, TheoryLevel.INTERMEDIATE,
					"Lớp trung cấp lý luận chính trị - hành chính khóa 2025", SCHOOL, start, LocalDate.of(2025, 12, 19),
					CourseMode.PART_TIME, elementary.subList(0, 2), "TC-2025-", LocalDate.of(2025, 12, 19));
			if (today.getYear() >= 2026) {
				var current = training.createCourse(office,
						form(CourseKind.THEORY, TheoryLevel.INTERMEDIATE,
								"Lớp trung cấp lý luận chính trị - hành chính khóa " + today.getYear() + "–"
										+ (today.getYear() + 1),
								SCHOOL, LocalDate.of(today.getYear(), 9, 7), LocalDate.of(today.getYear() + 1, 6, 30),
								CourseMode.PART_TIME));
				var statuses = List.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.ENROLLED, EnrolmentStatus.APPROVED,
						EnrolmentStatus.PROPOSED);
				for (var i = 0; i < statuses.size(); i++) {
					var enrolment = training.propose(office, current, elementary.get(2 + i), today.getYear(), null);
					if (statuses.get(i) != EnrolmentStatus.PROPOSED) {
						training.change(office, enrolment, statuses.get(i), null, null, null);
					}
				}
				return 2;
			}
			return 1;
		});
		return courses;
	}

	private void course(CurrentUser office, CourseKind kind, @Nullable TheoryLevel level, String title, String provider,
			LocalDate startsOn, LocalDate endsOn, CourseMode mode, List<Long> students,
			@Nullable String certificatePrefix, LocalDate completedOn) {
		var id = training.createCourse(office, form(kind, level, title, provider, startsOn, endsOn, mode));
		var number = 0;
		for (var student : students) {
			var enrolment = training.propose(office, id, student, startsOn.getYear(), null);
			training.change(office, enrolment, EnrolmentStatus.COMPLETED,
					(certificatePrefix != null) ? certificatePrefix + String.format("%04d", 120 + ++number) : null,
					completedOn, null);
		}
	}

	private static CourseForm form(CourseKind kind, @Nullable TheoryLevel level, String title, String provider,
			LocalDate startsOn, LocalDate endsOn, CourseMode mode) {
		var form = new CourseForm();
		form.setKind(kind);
		form.setLevel(level);
		form.setTitle(title);
		form.setProvider(provider);
		form.setStartsOn(startsOn);
		form.setEndsOn(endsOn);
		form.setMode(mode);
		return form;
	}

	/** Official members of the committee at a theory level, in list order. */
	private List<Long> ids(CurrentUser office, TheoryLevel level, int count) {
		return members.search(office, new MemberFilter(null, null, MemberStatus.OFFICIAL, level, null, null), 0, count)
			.items()
			.stream()
			.map((m) -> m.id())
			.toList();
	}

	private List<Long> secretaries(CurrentUser office) {
		return organizations.branches(office)
			.stream()
			.flatMap((b) -> members.currentPosts(office.committeeId(), b.id())
				.stream()
				.filter((p) -> p.post() == Post.SECRETARY))
			.map((p) -> p.memberId())
			.toList();
	}

}
