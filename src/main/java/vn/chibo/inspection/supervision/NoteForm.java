package vn.chibo.inspection.supervision;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An observation of regular supervision: the branch, a member if it is about one, the
 * day, how it was observed and the meeting attended, the note and a recommendation. Pages
 * send dates as dd/MM/yyyy, the JSON API as ISO dates.
 */
public class NoteForm {

	@NotNull(message = "{supervision.branchId.required}")
	private @Nullable Long branchId;

	private @Nullable Long memberId;

	@NotNull(message = "{supervision.observedOn.required}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate observedOn;

	@NotNull(message = "{supervision.kind.required}")
	private @Nullable ObservationKind kind;

	private @Nullable Long meetingId;

	@NotBlank(message = "{supervision.note.required}")
	@Size(max = 4000, message = "{inspection.text.size}")
	private @Nullable String note;

	@Size(max = 2000, message = "{inspection.text.size}")
	private @Nullable String recommendation;

	public @Nullable Long getBranchId() {
		return branchId;
	}

	public void setBranchId(@Nullable Long branchId) {
		this.branchId = branchId;
	}

	public @Nullable Long getMemberId() {
		return memberId;
	}

	public void setMemberId(@Nullable Long memberId) {
		this.memberId = memberId;
	}

	public @Nullable LocalDate getObservedOn() {
		return observedOn;
	}

	public void setObservedOn(@Nullable LocalDate observedOn) {
		this.observedOn = observedOn;
	}

	public @Nullable ObservationKind getKind() {
		return kind;
	}

	public void setKind(@Nullable ObservationKind kind) {
		this.kind = kind;
	}

	public @Nullable Long getMeetingId() {
		return meetingId;
	}

	public void setMeetingId(@Nullable Long meetingId) {
		this.meetingId = meetingId;
	}

	public @Nullable String getNote() {
		return note;
	}

	public void setNote(@Nullable String note) {
		this.note = note;
	}

	public @Nullable String getRecommendation() {
		return recommendation;
	}

	public void setRecommendation(@Nullable String recommendation) {
		this.recommendation = recommendation;
	}

}
