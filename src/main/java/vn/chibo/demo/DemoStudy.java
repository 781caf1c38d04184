package vn.chibo.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;
import vn.chibo.study.Audience;
import vn.chibo.study.Commitments;
import vn.chibo.study.Grade;
import vn.chibo.study.Presence;
import vn.chibo.study.Reflections;
import vn.chibo.study.StudyKind;
import vn.chibo.study.StudyQueries;
import vn.chibo.study.StudyService;
import vn.chibo.study.StudySessionForm;

/**
 * The demo's study history (docs/domain.md §14: "2 study sessions a year with bài thu
 * hoạch"): since 2020 each year a session on a resolution of the library, with a reporter
 * of the superior committee as in the seed, and the yearly topic of Chỉ thị 05-CT/TW; the
 * roll call, reflections written by the members from phrases drawn for each, graded by
 * their branch secretaries, and in each session a few copied from another member's. The
 * last session is recent, its reflections still coming in.
 */
@Component
class DemoStudy {

	private record Planned(StudyKind kind, LocalDate heldOn, String title, String documents, @Nullable String reporter,
			@Nullable String reporterPost, String questions) {
	}

	private static final String KHOI = "Báo cáo viên Đảng ủy Khối các cơ quan tỉnh Hà Tĩnh";

	// Phrases of a few words each, drawn apart: two members' reflections rarely share a
	// run of six words, as honest texts on one topic do not.
	private static final String[] OPENINGS = { "Qua học tập,", "Sau khi nghe báo cáo,", "Được nghiên cứu tài liệu,",
			"Qua hội nghị,", "Sau buổi học tập,", "Qua thảo luận ở chi bộ," };

	private static final String[] SUBJECTS = { "tôi", "bản thân tôi", "tôi tự nhận thấy", "tôi xác định", "bản thân",
			"là đảng viên, tôi" };

	private static final String[] LEARNED = { "hiểu rõ trách nhiệm", "nắm chắc điểm mới", "thấy rõ vai trò chi bộ",
			"nhận ra hạn chế", "thấm nhuần lời Bác", "thêm quyết tâm" };

	private static final String[] DOMAINS = { "ở cửa khẩu", "khi kiểm tra hàng hóa", "lúc làm thủ tục",
			"trong chống buôn lậu", "với doanh nghiệp", "trong việc hằng ngày", "ở chi bộ", "tại đội", "trong phối hợp",
			"với đồng nghiệp" };

	private static final String[] ACTIONS = { "giữ lối sống giản dị", "làm xong việc đúng hạn", "học thêm ngoại ngữ",
			"đề xuất cải tiến", "phát biểu thẳng thắn", "từ chối quà biếu", "tiết kiệm chi tiêu", "kèm cặp người mới",
			"nói đi đôi với làm", "lắng nghe ý kiến", "sửa khuyết điểm", "nêu gương trước" };

	private static final String[] WHEN = { "ngay quý tới", "trong năm", "thường xuyên", "theo kế hoạch", "từ tháng này",
			"suốt nhiệm kỳ", "mỗi tuần", "khi được giao" };

	private static final String[] CLOSINGS = { "Đề nghị chi bộ nhắc nhở thêm.", "Mong chi ủy giúp đỡ.",
			"Tôi sẽ báo cáo kết quả cuối năm.", "Kiến nghị trao đổi kinh nghiệm.", "Xin hứa thực hiện nghiêm túc." };

	private final StudyService study;

	private final StudyQueries queries;

	private final Reflections reflections;

	private final Commitments commitments;

	private final Clock clock;

	private final OrganizationQueries organizations;

	private final TransactionTemplate transaction;

	private final JdbcClient jdbc;

	DemoStudy(StudyService study, StudyQueries queries, Reflections reflections, Commitments commitments,
			OrganizationQueries organizations, TransactionTemplate transaction, JdbcClient jdbc, Clock clock) {
		this.study = study;
		this.queries = queries;
		this.reflections = reflections;
		this.commitments = commitments;
		this.organizations = organizations;
		this.transaction = transaction;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Answers how many sessions were loaded, each in a transaction of its own, as the
	 * office and the members write them, with the planner's statistics gathered before
	 * each as autovacuum would a little later (a table never analysed is taken for empty
	 * and read whole).
	 */
	int load(CurrentUser office) {
		var random = new Random(20200915);
		var today = LocalDate.now(clock);
		var plan = plan(today);
		for (var planned : plan) {
			jdbc.sql("analyze study_attendance, study_reflection, study_shingle, study_similarity").update();
			transaction.executeWithoutResult((status) -> load(office, planned, random, today));
		}
		transaction.executeWithoutResult((status) -> commitments(office, random, today));
		return plan.size();
	}

	private void load(CurrentUser office, Planned planned, Random random, LocalDate today) {
		var form = new StudySessionForm();
		form.setOrganizerId(office.scopeOrganizationId());
		form.setKind(planned.kind());
		form.setTitle(planned.title());
		form.setHeldOn(planned.heldOn());
		form.setStartsAt(LocalTime.of(14, 0));
		form.setPlace("Hội trường Cục Hải quan tỉnh");
		form.setReporter(planned.reporter());
		form.setReporterPost(planned.reporterPost());
		form.setDocuments(planned.documents());
		form.setAudience(Audience.COMMITTEE);
		form.setQuestions(planned.questions());
		form.setReflectionDue(planned.heldOn().plusDays(15));
		var id = study.create(office, form);
		study.takeRoster(office, id);
		var attendees = queries.attendees(office, id).stream().filter((a) -> !a.exempted()).toList();
		for (var attendee : attendees) {
			var draw = random.nextInt(100);
			if (draw < 5) {
				study.record(office, id, attendee.memberId(), Presence.ABSENT_EXCUSED,
						(draw < 3) ? "Đi công tác" : "Ốm");
			}
			else if (draw == 5) {
				study.record(office, id, attendee.memberId(), Presence.ABSENT_UNEXCUSED, null);
			}
		}
		study.everyonePresent(office, id);
		var recent = !planned.heldOn().plusDays(15).isBefore(today);
		// The demo's own branches write; the benchmarks' generated ones were on paper.
		var branches = DemoBranches.of(organizations, office).stream().map((b) -> b.id()).sorted().toList();
		var turn = planned.heldOn().getYear() * 2 + planned.kind().ordinal();
		var writers = Set.of(branches.get(turn % branches.size()), branches.get((turn + 3) % branches.size()));
		var written = new ArrayList<String>();
		for (var attendee : queries.attendees(office, id)) {
			if (attendee.exempted() || attendee.status() != Presence.PRESENT
					|| !branches.contains(attendee.branchId())) {
				continue;
			}
			// A recent session: a third have not handed in yet. Of the older ones the
			// demo
			// keeps the reflections of two branches in turn (the others' were on paper).
			if (recent ? random.nextInt(3) == 0 : !writers.contains(attendee.branchId())) {
				continue;
			}
			var member = new CurrentUser(0, office.committeeId(), "demo", "", attendee.fullName(), Role.MEMBER,
					attendee.branchId(), attendee.memberId(), true, false);
			var copied = written.size() == 12 || (written.size() > 12 && random.nextInt(80) == 0);
			var text = copied ? copy(written.get(random.nextInt(written.size())), random)
					: reflection(random, planned, attendee.branchName());
			written.add(text);
			if (written.size() % 40 == 0) {
				jdbc.sql("analyze study_reflection, study_shingle, study_similarity").update();
			}
			var reflectionId = reflections.write(member, id, text, null, true, null);
			if (recent && random.nextInt(2) == 0) {
				continue;
			}
			var secretary = secretaryOf(office, attendee.branchId());
			if (copied) {
				reflections.grade(secretary, reflectionId, Grade.FAIL,
						"Bài viết trùng lặp phần lớn với bài của đồng chí khác; cần tự viết bằng nhận thức của bản thân.",
						null);
			}
			else {
				var grade = random.nextInt(100);
				reflections.grade(secretary, reflectionId,
						(grade < 15) ? Grade.EXCELLENT : (grade < 72) ? Grade.GOOD : Grade.PASS,
						(grade < 15) ? "Bài viết sâu sắc, liên hệ cụ thể với nhiệm vụ." : null, null);
			}
		}
	}

	/**
	 * This year's commitments of three branches' members; in the review window, most have
	 * reviewed theirs and the secretary has answered some.
	 */
	private void commitments(CurrentUser office, Random random, LocalDate today) {
		var year = today.getYear();
		var open = !today.isBefore(LocalDate.of(year, 11, 1));
		for (var branch : DemoBranches.of(organizations, office).subList(4, 7)) {
			var secretary = secretaryOf(office, branch.id());
			for (var line : commitments.branch(secretary, year)) {
				if (random.nextInt(6) == 0) {
					continue;
				}
				var member = new CurrentUser(0, office.committeeId(), "demo", "", line.fullName(), Role.MEMBER,
						branch.id(), line.memberId(), true, false);
				var id = commitments.write(
						member, year, "Năm " + year + ", tôi cam kết " + pick(random, ACTIONS) + " "
								+ pick(random, DOMAINS) + ", " + pick(random, ACTIONS) + " " + pick(random, WHEN) + ".",
						null);
				if (open && random.nextInt(3) > 0) {
					commitments.review(member, year,
							"Đã thực hiện: " + pick(random, ACTIONS) + " " + pick(random, DOMAINS)
									+ ". Còn hạn chế: chưa " + pick(random, ACTIONS) + " " + pick(random, WHEN) + ".",
							null);
					if (random.nextInt(2) == 0) {
						commitments.opinion(secretary, id, "Chi ủy ghi nhận; đề nghị đồng chí tiếp tục "
								+ pick(random, ACTIONS) + " " + pick(random, WHEN) + ".");
					}
				}
			}
		}
	}

	/** The branch's secretary, as the demo's accounts name it. */
	private CurrentUser secretaryOf(CurrentUser office, long branchId) {
		var code = organizations.find(office.committeeId(), branchId).orElseThrow().code();
		return new CurrentUser(0, office.committeeId(), "bithu." + code.toLowerCase(Locale.ROOT), "", "Bí thư",
				Role.SECRETARY, branchId, null, true, false);
	}

	/** Two sessions a year from the second half of 2020, the last one recent. */
	private static List<Planned> plan(LocalDate today) {
		var plan = new ArrayList<Planned>();
		var topics = new String[] {
				"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường",
				"Học tập và làm theo Bác về xây dựng Đảng thật sự trong sạch, vững mạnh",
				"Học tập và làm theo Bác về phong cách quần chúng, dân chủ, nêu gương",
				"Học tập và làm theo Bác về ý chí, khát vọng phát triển đất nước phồn vinh, hạnh phúc",
				"Học tập và làm theo Bác về đoàn kết, kỷ cương, trách nhiệm nêu gương",
				"Học tập và làm theo Bác về tinh thần trách nhiệm, phục vụ nhân dân",
				"Học tập và làm theo Bác về đổi mới sáng tạo, chuyển đổi số" };
		for (var year = 2020; year <= today.getYear(); year++) {
			var topic = topics[(year - 2020) % topics.length];
			plan.add(new Planned(StudyKind.TOPIC, LocalDate.of(year, 9, 10), "Chuyên đề năm " + year + ": " + topic,
					"05-CT/TW", null, null,
					"1. Nêu những nội dung cơ bản của chuyên đề.\n2. Liên hệ bản thân: việc làm cụ thể để học tập và làm theo Bác trong năm."));
			if (year >= 2021) {
				var document = (year < 2024) ? "12-HD/BTCTW (2018)"
						: (year == 2024) ? "124-QĐ/TW" : (year == 2025) ? "50-CT/TW" : "42-HD/BTCTW, 366-QĐ/TW";
				plan.add(new Planned(StudyKind.RESOLUTION, LocalDate.of(year, 4, 20),
						"Hội nghị học tập, quán triệt " + document.replace(" (2018)", "") + " năm " + year, document,
						"Nguyễn Văn Thành", KHOI,
						"1. Những điểm mới cơ bản của văn bản.\n2. Trách nhiệm của đảng viên và giải pháp thực hiện ở chi bộ, cơ quan."));
			}
		}
		// The latest: a session nine days ago whose reflections are due in six.
		var last = today.minusDays(9);
		plan.add(new Planned(StudyKind.RESOLUTION, last,
				"Hội nghị quán triệt Chỉ thị 50-CT/TW và Hướng dẫn 42-HD/BTCTW", "50-CT/TW, 42-HD/BTCTW",
				"Trần Thị Hương", KHOI,
				"1. Yêu cầu mới về nâng cao chất lượng sinh hoạt chi bộ.\n2. Bản thân làm gì để buổi sinh hoạt của chi bộ có chất lượng hơn?"));
		return plan.stream().filter((p) -> p.heldOn().isBefore(today)).toList();
	}

	private static String reflection(Random random, Planned planned, String branch) {
		var text = new StringBuilder();
		text.append(pick(random, OPENINGS))
			.append(' ')
			.append(pick(random, SUBJECTS))
			.append(' ')
			.append(pick(random, LEARNED))
			.append(' ')
			.append(pick(random, DOMAINS))
			.append(". ");
		text.append('\n');
		var actions = new ArrayList<>(List.of(ACTIONS));
		Collections.shuffle(actions, random);
		for (var action : actions.subList(0, 4 + random.nextInt(4))) {
			var subject = pick(random, SUBJECTS);
			text.append(Character.toUpperCase(subject.charAt(0)))
				.append(subject.substring(1))
				.append(" sẽ ")
				.append(action)
				.append(' ')
				.append(pick(random, DOMAINS))
				.append(' ')
				.append(pick(random, WHEN))
				.append(".\n");
		}
		text.append(pick(random, CLOSINGS));
		return text.toString();
	}

	/** Most of another member's reflection, with a last line of one's own. */
	private static String copy(String other, Random random) {
		var lines = other.split("\n");
		var kept = String.join("\n", Arrays.copyOf(lines, Math.max(1, lines.length - 1)));
		return kept + "\n" + pick(random, CLOSINGS);
	}

	private static String pick(Random random, String[] choices) {
		return choices[random.nextInt(choices.length)];
	}

}
