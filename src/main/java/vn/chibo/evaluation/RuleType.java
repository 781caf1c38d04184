package vn.chibo.evaluation;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import vn.chibo.meeting.MeetingFacts;
import vn.chibo.meeting.PreparationStep;

/**
 * How a criterion is scored: from the record (the rule of docs/domain.md §6 it implements
 * is named on each), or by hand ({@link #MANUAL}). Each answers its points with the
 * evidence — a message key {@code evaluation.evidence.<RULE>[.suffix]} with arguments —
 * and the part of the record it comes from.
 */
public enum RuleType {

	/**
	 * Rubric A #1: at or over the minimum → full; short by ≤ 15 min → 4/5; 15–30 → 3/5;
	 * at least half → 2/5; less → 1/5. The minimum is {@code combinedMinutes} when held
	 * with a thematic meeting (42-HD/BTCTW).
	 */
	DURATION {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			var minimum = (int) number(c, f.combined() ? "combinedMinutes" : "minutes", 90);
			var duration = f.durationMinutes();
			if (duration == null) {
				return Outcome.of(0, "none", List.of(String.valueOf(minimum)), minutes(f));
			}
			var shortBy = minimum - duration;
			var fifths = (shortBy <= 0) ? 5
					: (shortBy <= 15) ? 4 : (shortBy <= 30) ? 3 : (duration * 2 >= minimum) ? 2 : 1;
			return Outcome.of(c.max() * fifths / 5, "", List.of(String.valueOf(duration), String.valueOf(minimum)),
					minutes(f));
		}
	},
	/**
	 * Rubric A #2: points by the attendance rate (bands), the lowest band's points when
	 * anyone is absent without reason.
	 */
	ATTENDANCE {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			var rate = f.attendanceRate();
			var args = List.of(String.valueOf(f.attended()), String.valueOf(f.expected()), percent(rate),
					String.join(", ", f.unexcused()));
			if (!f.unexcused().isEmpty()) {
				return Outcome.of(number(c, "unexcusedPoints", 1), "unexcused", args, attendance(f));
			}
			return Outcome.of(band(c, rate), "", args, attendance(f));
		}
	},
	/** Rubric A #2 (+1): nobody absent with reason more than three times running. */
	NO_LONG_EXCUSED_RUN {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			return f.longExcusedRuns().isEmpty() ? Outcome.of(c.max(), "", List.of(), attendance(f))
					: Outcome.of(0, "missed", List.of(String.join(", ", f.longExcusedRuns())), attendance(f));
		}
	},
	/** A preparation step recorded (docs/domain.md §5). */
	STEP {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			var step = PreparationStep.valueOf(text(c, "step"));
			var done = f.steps().get(step);
			return (done != null) ? Outcome.of(c.max(), "", List.of(step.name(), at(done, zone)), preparation(f))
					: Outcome.of(0, "missed", List.of(step.name()), preparation(f));
		}
	},
	/** Every one of several preparation steps recorded (12-HD framework criterion 2). */
	STEPS {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			var steps = list(c, "steps");
			var missing = steps.stream()
				.filter((s) -> !f.steps().containsKey(PreparationStep.valueOf(String.valueOf(s))))
				.map(String::valueOf)
				.toList();
			return missing.isEmpty() ? Outcome.of(c.max(), "", List.of(), preparation(f))
					: Outcome.of(0, "missed", List.of(String.join(", ", missing)), preparation(f));
		}
	},
	/**
	 * Documents available to members at least {@code days} days before (42-HD/BTCTW), by
	 * the "documents available" step.
	 */
	DOCUMENTS_BEFORE {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			var days = (int) number(c, "days", 1);
			var done = f.steps().get(PreparationStep.DOCUMENTS_AVAILABLE);
			if (done == null) {
				return Outcome.of(0, "none", List.of(String.valueOf(days)), preparation(f));
			}
			var inTime = !done.atZoneSameInstant(zone).toLocalDate().isAfter(f.date().minusDays(days));
			return Outcome.of(inTime ? c.max() : 0, inTime ? "" : "late", List.of(at(done, zone), String.valueOf(days)),
					preparation(f));
		}
	},
	/** Documents shared with the members at all (the e-handbook, 42-HD/BTCTW). */
	DOCUMENTS_SHARED {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			var shared = (f.documentsSharedAt() != null) ? f.documentsSharedAt()
					: f.steps().get(PreparationStep.DOCUMENTS_AVAILABLE);
			return (shared != null) ? Outcome.of(c.max(), "", List.of(at(shared, zone)), documents(f))
					: Outcome.of(0, "missed", List.of(), documents(f));
		}
	},
	/**
	 * Rubric A #4: share of attendees who spoke, by bands (over 50 % → 5, 40–50 → 4,
	 * 30–40 → 3, less → 2).
	 */
	SPEAKERS {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			var share = (f.attended() == 0) ? 0 : f.speakers() * 100.0 / f.attended();
			return Outcome.of(band(c, share), "",
					List.of(String.valueOf(f.speakers()), String.valueOf(f.attended()), percent(share)), speeches(f));
		}
	},
	/**
	 * Rubric A #7: share of the previous resolution's targets met, by bands; not
	 * applicable when there was no previous resolution with targets.
	 */
	TARGETS_MET {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			if (f.previousTargets() == 0) {
				return Outcome.notApplicable("none", List.of(), review(f));
			}
			var share = f.previousTargetsMet() * 100.0 / f.previousTargets();
			return Outcome.of(band(c, share), "", List.of(String.valueOf(f.previousTargetsMet()),
					String.valueOf(f.previousTargets()), percent(share)), review(f));
		}
	},
	/**
	 * Minutes complete: times, chair, minute-taker, everyone's attendance, a conclusion.
	 */
	MINUTES_COMPLETE {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			return f.minutesComplete() ? Outcome.of(c.max(), "", List.of(), minutes(f))
					: Outcome.of(0, "missed", List.of(), minutes(f));
		}
	},
	/** Minutes signed by chair and minute-taker within {@code days} days. */
	MINUTES_SIGNED {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			var days = (int) number(c, "days", 2);
			var signed = f.signedAt();
			if (signed == null) {
				return Outcome.of(0, "none", List.of(String.valueOf(days)), signatures(f));
			}
			var inTime = !signed.atZoneSameInstant(zone).toLocalDate().isAfter(f.date().plusDays(days));
			return Outcome.of(inTime ? c.max() : 0, inTime ? "" : "late",
					List.of(at(signed, zone), String.valueOf(days)), signatures(f));
		}
	},
	/** The resolution (conclusion) recorded and voted. */
	RESOLUTION_ADOPTED {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			return f.resolutionAdopted() ? Outcome.of(c.max(), "", List.of(), minutes(f))
					: Outcome.of(0, "missed", List.of(), minutes(f));
		}
	},
	/** Minutes complete and tasks assigned to members (Rubric A #8). */
	CLOSING_TASKS {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			var ok = f.minutesComplete() && f.tasksAssigned() > 0;
			return Outcome.of(ok ? c.max() : 0, ok ? "" : "missed", List.of(String.valueOf(f.tasksAssigned())),
					"/meetings/" + f.meetingId() + "/minutes#tasks");
		}
	},
	/** The finalised documents put up within {@code days} days after the meeting. */
	FINAL_DOCUMENTS {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			var days = (int) number(c, "days", 2);
			var at = f.finalDocumentAt();
			var inTime = at != null && !at.atZoneSameInstant(zone).toLocalDate().isAfter(f.date().plusDays(days));
			return Outcome.of(inTime ? c.max() : 0, inTime ? "" : "missed",
					List.of(String.valueOf(days), (at != null) ? at(at, zone) : ""), documents(f));
		}
	},
	/** The meeting was in the plan at least {@code days} days ahead (Rubric B #1). */
	PLANNED_AHEAD {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			var days = (int) number(c, "days", 7);
			var ok = !f.plannedAt().atZoneSameInstant(zone).toLocalDate().isAfter(f.date().minusDays(days));
			return Outcome.of(ok ? c.max() : 0, ok ? "" : "missed",
					List.of(at(f.plannedAt(), zone), String.valueOf(days)), "/meetings/" + f.meetingId());
		}
	},
	/** A member assigned to prepare the thematic topic (12-HD/BTCTW §II.1.1.b). */
	PREPARER {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			return f.preparerAssigned() ? Outcome.of(c.max(), "", List.of(), "/meetings/" + f.meetingId())
					: Outcome.of(0, "missed", List.of(), "/meetings/" + f.meetingId());
		}
	},
	/**
	 * 12-HD framework criterion 1: more than {@code rate} % attended, nobody absent
	 * without reason, nobody absent with reason more than three times running.
	 */
	ATTENDANCE_FRAMEWORK {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			var rate = number(c, "rate", 85);
			var ok = f.attendanceRate() > rate && f.unexcused().isEmpty() && f.longExcusedRuns().isEmpty();
			return Outcome.of(
					ok ? c.max() : 0, ok ? "" : "missed", List.of(percent(f.attendanceRate()),
							String.valueOf(f.unexcused().size()), String.valueOf(f.longExcusedRuns().size())),
					attendance(f));
		}
	},
	/**
	 * 12-HD framework criterion 3: the minimum duration, at least {@code speakers} % of
	 * attendees spoke [R: "many members speak"], minutes complete.
	 */
	CONDUCT_FRAMEWORK {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			var duration = f.durationMinutes();
			var share = (f.attended() == 0) ? 0 : f.speakers() * 100.0 / f.attended();
			var ok = duration != null && duration >= number(c, "minutes", 90) && share >= number(c, "speakers", 30)
					&& f.minutesComplete();
			return Outcome.of(ok ? c.max() : 0, ok ? "" : "missed",
					List.of((duration != null) ? String.valueOf(duration) : "—", percent(share)), minutes(f));
		}
	},
	/**
	 * 12-HD framework criterion 5: at least {@code share} % of the previous targets met
	 * [R]; met when there were none.
	 */
	TARGETS_FRAMEWORK {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			if (f.previousTargets() == 0) {
				return Outcome.of(c.max(), "none", List.of(), review(f));
			}
			var share = f.previousTargetsMet() * 100.0 / f.previousTargets();
			var ok = share >= number(c, "share", 70);
			return Outcome.of(ok ? c.max() : 0, ok ? "" : "missed", List.of(String.valueOf(f.previousTargetsMet()),
					String.valueOf(f.previousTargets()), percent(share)), review(f));
		}
	},
	/** Scored by hand: the secretary's self-score, the superior's prevailing. */
	MANUAL {
		@Override
		public Outcome evaluate(MeetingFacts f, Rubric.Criterion c, ZoneId zone) {
			throw new UnsupportedOperationException("scored by hand");
		}
	};

	public abstract Outcome evaluate(MeetingFacts facts, Rubric.Criterion criterion, ZoneId zone);

	/** What a rule found: its points (if applicable), why, and where in the record. */
	public record Outcome(double points, boolean applicable, String evidence, List<String> arguments, String link) {

		static Outcome of(double points, String evidence, List<String> arguments, String link) {
			return new Outcome(points, true, evidence, arguments, link);
		}

		static Outcome notApplicable(String evidence, List<String> arguments, String link) {
			return new Outcome(0, false, evidence, arguments, link);
		}

	}

	/** The parameters a rule needs, for validating an imported rubric. */
	public List<String> requiredParameters() {
		return switch (this) {
			case ATTENDANCE, SPEAKERS, TARGETS_MET -> List.of("bands");
			case STEP -> List.of("step");
			case STEPS -> List.of("steps");
			default -> List.of();
		};
	}

	static double band(Rubric.Criterion c, double value) {
		for (var band : list(c, "bands")) {
			var pair = (List<?>) band;
			if (value >= ((Number) pair.get(0)).doubleValue() - 1e-9) {
				return ((Number) pair.get(1)).doubleValue();
			}
		}
		return 0;
	}

	public static double number(Rubric.Criterion c, String name, double fallback) {
		var value = c.parameters().get(name);
		return (value instanceof Number n) ? n.doubleValue() : fallback;
	}

	static String text(Rubric.Criterion c, String name) {
		return String.valueOf(c.parameters().get(name));
	}

	static List<?> list(Rubric.Criterion c, String name) {
		var value = c.parameters().get(name);
		return (value instanceof List<?> l) ? l : List.of();
	}

	static String percent(double value) {
		return String.valueOf(Math.round(value * 10) / 10.0).replace('.', ',');
	}

	static String at(OffsetDateTime time, ZoneId zone) {
		return time.atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
	}

	static String minutes(MeetingFacts f) {
		return "/meetings/" + f.meetingId() + "/minutes#record";
	}

	static String attendance(MeetingFacts f) {
		return "/meetings/" + f.meetingId() + "/attendance";
	}

	static String preparation(MeetingFacts f) {
		return "/meetings/" + f.meetingId() + "#preparation-section";
	}

	static String documents(MeetingFacts f) {
		return "/meetings/" + f.meetingId() + "#documents";
	}

	static String speeches(MeetingFacts f) {
		return "/meetings/" + f.meetingId() + "/minutes#speeches";
	}

	static String review(MeetingFacts f) {
		return "/meetings/" + f.meetingId() + "/minutes#review";
	}

	static String signatures(MeetingFacts f) {
		return "/meetings/" + f.meetingId() + "/minutes#signatures";
	}

}
