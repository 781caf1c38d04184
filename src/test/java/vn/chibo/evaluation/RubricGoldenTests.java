package vn.chibo.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import vn.chibo.meeting.MeetingFacts;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.PreparationStep;

import static org.assertj.core.api.Assertions.assertThat;

import vn.chibo.evaluation.rubric.RubricEngine;
import vn.chibo.evaluation.rubric.RubricFormat;
import vn.chibo.evaluation.score.ManualScore;

/**
 * Golden scenarios (docs/domain.md §6): a meeting's facts → points per criterion, total
 * and level under each shipped rubric, worked out by hand from docs/domain.md §6.
 */
class RubricGoldenTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	static Rubric rubric(String file) throws Exception {
		return RubricFormat.parse(new ClassPathResource("rubrics/" + file).getContentAsString(StandardCharsets.UTF_8));
	}

	/** A good regular meeting: 2 hours, everyone there, prepared, discussed, closed. */
	static MeetingFacts good(LocalDate date, MeetingKind kind) {
		var start = date.atTime(14, 0).atZone(ZONE).toOffsetDateTime();
		var steps = new EnumMap<PreparationStep, OffsetDateTime>(PreparationStep.class);
		steps.put(PreparationStep.EXECUTIVE_MEETING, start.minusDays(6));
		steps.put(PreparationStep.DRAFTS_READY, start.minusDays(5));
		steps.put(PreparationStep.NOTICE_SENT, start.minusDays(4));
		steps.put(PreparationStep.DOCUMENTS_AVAILABLE, start.minusDays(2));
		return new MeetingFacts(1, 1, "Chi bộ", kind, date, start.minusDays(30), MeetingStatus.HELD, start,
				start.plusMinutes(120), false, false, 20, 20, List.of(), List.of(), steps, start.minusDays(2),
				start.plusDays(1), 12, 3, 3, true, start.plusMinutes(130), true, 2, true);
	}

	static MeetingFacts with(MeetingFacts f, UnaryOperator<Builder> change) {
		return change.apply(new Builder(f)).build();
	}

	/** Every hand-scored criterion at its maximum (a self-score). */
	static Map<String, ManualScore> fullSelf(Rubric rubric) {
		var manual = new HashMap<String, ManualScore>();
		rubric.criteria()
			.stream()
			.filter(Rubric.Criterion::manual)
			.forEach((c) -> manual.put(c.code(), new ManualScore(c.max(), null, null, null)));
		return manual;
	}

	static double points(ScoreResult result, String code) {
		return result.lines().stream().filter((l) -> l.code().equals(code)).findFirst().orElseThrow().points();
	}

	@Test
	void rubricARegularMeetingsUnderTheNewRule() throws Exception {
		var a = rubric("A-42HD.json");
		var date = LocalDate.of(2026, 3, 25);
		var manual = fullSelf(a);
		// scenario → criterion and its points, total / applicable max, percent, level
		record Case(String name, MeetingFacts facts, String criterion, double points, double total, double max,
				Level level, List<CapCondition> caps) {
		}
		var cases = List.of(
				new Case("good month", good(date, MeetingKind.REGULAR), "1.1", 5, 95, 95, Level.GOOD, List.of()),
				new Case("short by 20 minutes", with(good(date, MeetingKind.REGULAR), (b) -> b.minutes(70)), "1.1", 3,
						93, 95, Level.GOOD, List.of()),
				new Case("under half the minimum", with(good(date, MeetingKind.REGULAR), (b) -> b.minutes(40)), "1.1",
						1, 91, 95, Level.AVERAGE, List.of(CapCondition.DURATION_UNDER_HALF)),
				new Case("absence without reason",
						with(good(date, MeetingKind.REGULAR), (b) -> b.attended(19).unexcused("Nguyễn Văn A")), "2.1",
						1, 92, 95, Level.FAIR, List.of(CapCondition.UNEXCUSED_ABSENCE)),
				new Case("attendance 80 %", with(good(date, MeetingKind.REGULAR), (b) -> b.attended(16)), "2.1", 3, 94,
						95, Level.GOOD, List.of()),
				new Case("no chi ủy preparation",
						with(good(date, MeetingKind.REGULAR), (b) -> b.without(PreparationStep.EXECUTIVE_MEETING)),
						"3.3", 0, 93, 95, Level.GOOD, List.of()),
				new Case("documents on the day",
						with(good(date, MeetingKind.REGULAR), (b) -> b.documentsAt(date.atTime(8, 0))), "3.5", 0, 93,
						95, Level.GOOD, List.of()),
				new Case("targets half met", with(good(date, MeetingKind.REGULAR), (b) -> b.targets(6, 3)), "7.1", 15,
						80, 95, Level.FAIR, List.of()),
				new Case("few speakers", with(good(date, MeetingKind.REGULAR), (b) -> b.speakers(5)), "4.5", 2, 92, 95,
						Level.GOOD, List.of()),
				new Case("thematic month", with(good(date, MeetingKind.REGULAR), (b) -> b.thematicInMonth()), "4.3", 5,
						100, 100, Level.GOOD, List.of()),
				new Case("weak month",
						with(good(date, MeetingKind.REGULAR),
								(b) -> b.minutes(60)
									.attended(12)
									.targets(4, 1)
									.speakers(2)
									.without(PreparationStep.EXECUTIVE_MEETING)),
						"7.1", 10, 65, 95, Level.AVERAGE, List.of()));
		for (var c : cases) {
			var result = RubricEngine.score(a, c.facts(), manual, ZONE);
			assertThat(points(result, c.criterion())).as(c.name() + " " + c.criterion()).isEqualTo(c.points());
			assertThat(result.total()).as(c.name() + " total").isEqualTo(c.total());
			assertThat(result.max()).as(c.name() + " max").isEqualTo(c.max());
			assertThat(result.percent()).as(c.name() + " percent")
				.isEqualTo(Math.round(c.total() * 1000 / c.max()) / 10.0);
			assertThat(result.level()).as(c.name() + " level").isEqualTo(c.level());
			assertThat(result.caps()).as(c.name() + " caps").isEqualTo(c.caps());
		}
	}

	@Test
	void unscoredHandCriteriaCountNothingAndTheSuperiorPrevails() throws Exception {
		var a = rubric("A-42HD.json");
		var facts = good(LocalDate.of(2026, 3, 25), MeetingKind.REGULAR);
		var recordOnly = RubricEngine.score(a, facts, Map.of(), ZONE);
		assertThat(recordOnly.total()).isEqualTo(59);
		assertThat(recordOnly.level()).isEqualTo(Level.AVERAGE);
		var manual = new HashMap<>(fullSelf(a));
		manual.put("4.2", new ManualScore(10.0, "Tự chấm", 6.0, "Nội dung còn chung chung"));
		var result = RubricEngine.score(a, facts, manual, ZONE);
		var line = result.lines().stream().filter((l) -> l.code().equals("4.2")).findFirst().orElseThrow();
		assertThat(line.points()).isEqualTo(6);
		assertThat(line.source()).isEqualTo(ScoreResult.Source.SUPERIOR);
		assertThat(line.note()).isEqualTo("Nội dung còn chung chung");
		assertThat(result.total()).isEqualTo(91);
	}

	@Test
	void rubricCJudgesA2021MeetingPassOrFail() throws Exception {
		var c = rubric("C-12HD.json");
		var date = LocalDate.of(2021, 4, 23);
		assertThat(c.appliesTo(MeetingKind.REGULAR, date)).isTrue();
		assertThat(c.appliesTo(MeetingKind.REGULAR, LocalDate.of(2026, 1, 23))).isFalse();
		var manual = fullSelf(c);
		var pass = RubricEngine.score(c, good(date, MeetingKind.REGULAR), manual, ZONE);
		assertThat(pass.level()).isEqualTo(Level.PASS);
		assertThat(pass.total()).isEqualTo(5);
		var cases = Map.<String, UnaryOperator<Builder>>of("1", (b) -> b.attended(17), "2",
				(b) -> b.without(PreparationStep.DRAFTS_READY), "3", (b) -> b.minutes(80), "5", (b) -> b.targets(4, 2));
		cases.forEach((criterion, change) -> {
			var result = RubricEngine.score(c, with(good(date, MeetingKind.REGULAR), change), manual, ZONE);
			assertThat(result.level()).as("criterion " + criterion).isEqualTo(Level.FAIL);
			assertThat(points(result, criterion)).as("criterion " + criterion).isZero();
			assertThat(result.total()).isEqualTo(4);
		});
		// The same meeting in 2026 is judged by rubric A, not C.
		var a = rubric("A-42HD.json");
		assertThat(a.appliesTo(MeetingKind.REGULAR, date)).isFalse();
		assertThat(a.appliesTo(MeetingKind.REGULAR, LocalDate.of(2026, 1, 23))).isTrue();
	}

	@Test
	void rubricBScoresAThematicMeeting() throws Exception {
		var b = rubric("B-THEMATIC.json");
		var facts = good(LocalDate.of(2026, 5, 10), MeetingKind.THEMATIC);
		var result = RubricEngine.score(b, facts, fullSelf(b), ZONE);
		assertThat(result.total()).isEqualTo(100);
		assertThat(result.level()).isEqualTo(Level.GOOD);
		var late = RubricEngine.score(b,
				with(facts, (x) -> x.plannedAt(facts.date().atTime(8, 0).minusDays(3)).minutes(60).speakers(4)),
				fullSelf(b), ZONE);
		assertThat(points(late, "1.1")).isZero();
		assertThat(points(late, "8.1")).isEqualTo(3);
		assertThat(points(late, "5.1")).isEqualTo(3);
		assertThat(late.total()).isEqualTo(100 - 10 - 2 - 9);
		assertThat(late.level()).isEqualTo(Level.FAIR);
	}

	/** Changes one fact at a time. */
	static final class Builder {

		private MeetingFacts f;

		Builder(MeetingFacts f) {
			this.f = f;
		}

		Builder minutes(int minutes) {
			f = new MeetingFacts(f.meetingId(), f.branchId(), f.branchName(), f.kind(), f.date(), f.plannedAt(),
					f.status(), f.startedAt(), f.startedAt().plusMinutes(minutes), f.combined(), f.thematicInMonth(),
					f.expected(), f.attended(), f.unexcused(), f.longExcusedRuns(), f.steps(), f.documentsSharedAt(),
					f.finalDocumentAt(), f.speakers(), f.previousTargets(), f.previousTargetsMet(), f.minutesComplete(),
					f.signedAt(), f.resolutionAdopted(), f.tasksAssigned(), f.preparerAssigned());
			return this;
		}

		Builder attended(int attended) {
			f = new MeetingFacts(f.meetingId(), f.branchId(), f.branchName(), f.kind(), f.date(), f.plannedAt(),
					f.status(), f.startedAt(), f.endedAt(), f.combined(), f.thematicInMonth(), f.expected(), attended,
					f.unexcused(), f.longExcusedRuns(), f.steps(), f.documentsSharedAt(), f.finalDocumentAt(),
					Math.min(f.speakers(), attended), f.previousTargets(), f.previousTargetsMet(), f.minutesComplete(),
					f.signedAt(), f.resolutionAdopted(), f.tasksAssigned(), f.preparerAssigned());
			return this;
		}

		Builder unexcused(String name) {
			f = new MeetingFacts(f.meetingId(), f.branchId(), f.branchName(), f.kind(), f.date(), f.plannedAt(),
					f.status(), f.startedAt(), f.endedAt(), f.combined(), f.thematicInMonth(), f.expected(),
					f.attended(), List.of(name), f.longExcusedRuns(), f.steps(), f.documentsSharedAt(),
					f.finalDocumentAt(), f.speakers(), f.previousTargets(), f.previousTargetsMet(), f.minutesComplete(),
					f.signedAt(), f.resolutionAdopted(), f.tasksAssigned(), f.preparerAssigned());
			return this;
		}

		Builder without(PreparationStep step) {
			var steps = new EnumMap<>(f.steps());
			steps.remove(step);
			return steps(steps);
		}

		Builder documentsAt(LocalDateTime at) {
			var steps = new EnumMap<>(f.steps());
			steps.put(PreparationStep.DOCUMENTS_AVAILABLE, at.atZone(ZONE).toOffsetDateTime());
			return steps(steps);
		}

		private Builder steps(EnumMap<PreparationStep, OffsetDateTime> steps) {
			f = new MeetingFacts(f.meetingId(), f.branchId(), f.branchName(), f.kind(), f.date(), f.plannedAt(),
					f.status(), f.startedAt(), f.endedAt(), f.combined(), f.thematicInMonth(), f.expected(),
					f.attended(), f.unexcused(), f.longExcusedRuns(), steps, f.documentsSharedAt(), f.finalDocumentAt(),
					f.speakers(), f.previousTargets(), f.previousTargetsMet(), f.minutesComplete(), f.signedAt(),
					f.resolutionAdopted(), f.tasksAssigned(), f.preparerAssigned());
			return this;
		}

		Builder targets(int total, int met) {
			f = new MeetingFacts(f.meetingId(), f.branchId(), f.branchName(), f.kind(), f.date(), f.plannedAt(),
					f.status(), f.startedAt(), f.endedAt(), f.combined(), f.thematicInMonth(), f.expected(),
					f.attended(), f.unexcused(), f.longExcusedRuns(), f.steps(), f.documentsSharedAt(),
					f.finalDocumentAt(), f.speakers(), total, met, f.minutesComplete(), f.signedAt(),
					f.resolutionAdopted(), f.tasksAssigned(), f.preparerAssigned());
			return this;
		}

		Builder speakers(int speakers) {
			f = new MeetingFacts(f.meetingId(), f.branchId(), f.branchName(), f.kind(), f.date(), f.plannedAt(),
					f.status(), f.startedAt(), f.endedAt(), f.combined(), f.thematicInMonth(), f.expected(),
					f.attended(), f.unexcused(), f.longExcusedRuns(), f.steps(), f.documentsSharedAt(),
					f.finalDocumentAt(), speakers, f.previousTargets(), f.previousTargetsMet(), f.minutesComplete(),
					f.signedAt(), f.resolutionAdopted(), f.tasksAssigned(), f.preparerAssigned());
			return this;
		}

		Builder thematicInMonth() {
			f = new MeetingFacts(f.meetingId(), f.branchId(), f.branchName(), f.kind(), f.date(), f.plannedAt(),
					f.status(), f.startedAt(), f.endedAt(), f.combined(), true, f.expected(), f.attended(),
					f.unexcused(), f.longExcusedRuns(), f.steps(), f.documentsSharedAt(), f.finalDocumentAt(),
					f.speakers(), f.previousTargets(), f.previousTargetsMet(), f.minutesComplete(), f.signedAt(),
					f.resolutionAdopted(), f.tasksAssigned(), f.preparerAssigned());
			return this;
		}

		Builder plannedAt(LocalDateTime at) {
			f = new MeetingFacts(f.meetingId(), f.branchId(), f.branchName(), f.kind(), f.date(),
					at.atZone(ZONE).toOffsetDateTime(), f.status(), f.startedAt(), f.endedAt(), f.combined(),
					f.thematicInMonth(), f.expected(), f.attended(), f.unexcused(), f.longExcusedRuns(), f.steps(),
					f.documentsSharedAt(), f.finalDocumentAt(), f.speakers(), f.previousTargets(),
					f.previousTargetsMet(), f.minutesComplete(), f.signedAt(), f.resolutionAdopted(), f.tasksAssigned(),
					f.preparerAssigned());
			return this;
		}

		MeetingFacts build() {
			return f;
		}

	}

}
