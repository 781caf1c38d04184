package vn.chibo.inspection;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A dated step with its note: a step of the work, the notification of the conclusion, a
 * remedy reported or verified.
 */
public class StepForm {

	private @Nullable InspectionStep step;

	@NotNull(message = "{inspection.doneOn.required}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate doneOn;

	@Size(max = 4000, message = "{inspection.text.size}")
	private @Nullable String note;

	public @Nullable InspectionStep getStep() {
		return step;
	}

	public void setStep(@Nullable InspectionStep step) {
		this.step = step;
	}

	public @Nullable LocalDate getDoneOn() {
		return doneOn;
	}

	public void setDoneOn(@Nullable LocalDate doneOn) {
		this.doneOn = doneOn;
	}

	public @Nullable String getNote() {
		return note;
	}

	public void setNote(@Nullable String note) {
		this.note = note;
	}

}
