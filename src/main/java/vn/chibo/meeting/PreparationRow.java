package vn.chibo.meeting;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One step of a meeting's preparation: done or not, when, by whom, and whether it was
 * recorded late.
 */
public record PreparationRow(PreparationStep step, @Nullable OffsetDateTime doneAt, @Nullable String doneBy,
		@Nullable String note, @Nullable String lateReason) {

	public boolean done() {
		return doneAt != null;
	}

}
