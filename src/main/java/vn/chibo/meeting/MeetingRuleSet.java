package vn.chibo.meeting;

import java.time.LocalDate;
import java.util.List;

/**
 * The guidance a meeting is held under, by its date (docs/domain.md §2): Hướng dẫn
 * 12-HD/BTCTW of 06/7/2018 until Hướng dẫn 42-HD/BTCTW of 28/10/2025 replaced it. Each
 * names the ordered steps of its procedure for each kind of meeting (docs/domain.md §5);
 * the steps are message keys {@code meeting.agenda.<step>}.
 */
public enum MeetingRuleSet {

	/** Hướng dẫn 12-HD/BTCTW (06/7/2018); also used for older meetings. */
	HD12_2018(LocalDate.of(2018, 7, 6)),
	/** Hướng dẫn 42-HD/BTCTW (28/10/2025) with Chỉ thị 50-CT/TW. */
	HD42_2025(LocalDate.of(2025, 10, 28));

	private final LocalDate inForceFrom;

	MeetingRuleSet(LocalDate inForceFrom) {
		this.inForceFrom = inForceFrom;
	}

	public LocalDate inForceFrom() {
		return inForceFrom;
	}

	/** The rule set in force on {@code date}. */
	public static MeetingRuleSet on(LocalDate date) {
		return date.isBefore(HD42_2025.inForceFrom) ? HD12_2018 : HD42_2025;
	}

	/**
	 * The agenda of a meeting of {@code kind} under this rule set, as message keys in
	 * order (docs/domain.md §5 "Agenda — regular meeting" and "Agenda — thematic").
	 */
	public List<String> agenda(MeetingKind kind) {
		var modern = this == HD42_2025;
		return switch (kind) {
			// Opening (attendance report, agenda, minute-taker; dues status under 42-HD),
			// information, review of last month's resolution, discussion, next month's
			// tasks, other business, closing (vote, self-assessment under 42-HD, minutes
			// read and signed).
			case REGULAR -> List.of(modern ? "regular.opening42" : "regular.opening12", "regular.information",
					"regular.review", "regular.discussion", "regular.nextMonth", "regular.other",
					modern ? "regular.closing42" : "regular.closing12");
			// Purpose stated, the assigned member presents the draft topic, discussion,
			// the secretary concludes; afterwards finalised (and uploaded under 42-HD).
			case THEMATIC ->
				List.of("thematic.opening", "thematic.purpose", "thematic.presentation", "thematic.discussion",
						"thematic.conclusion", modern ? "thematic.followUp42" : "thematic.followUp12");
			case EXTRAORDINARY -> List.of("extraordinary.opening", "extraordinary.content", "extraordinary.discussion",
					"extraordinary.conclusion", "extraordinary.closing");
			case CONGRESS -> List.of("congress.opening", "congress.report", "congress.discussion", "congress.election",
					"congress.resolution", "congress.closing");
			// Each member reads the self-review, the branch comments and votes on the
			// proposed level; then the branch's own collective review (docs/domain.md
			// §7).
			case YEAR_REVIEW -> List.of("yearReview.opening", "yearReview.members", "yearReview.vote",
					"yearReview.collective", "yearReview.closing");
		};
	}

}
