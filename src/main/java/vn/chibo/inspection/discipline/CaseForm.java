package vn.chibo.inspection.discipline;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A discipline case opened: the member or the Party organisation, the violation and the
 * day the case was opened. Pages send dates as dd/MM/yyyy, the JSON API as ISO dates.
 */
public class CaseForm {

	private @Nullable Long memberId;

	private @Nullable Long organizationId;

	@NotBlank(message = "{discipline.violation.required}")
	@Size(max = 4000, message = "{inspection.text.size}")
	private @Nullable String violation;

	@NotNull(message = "{discipline.openedOn.required}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate openedOn;

	public @Nullable Long getMemberId() {
		return memberId;
	}

	public void setMemberId(@Nullable Long memberId) {
		this.memberId = memberId;
	}

	public @Nullable Long getOrganizationId() {
		return organizationId;
	}

	public void setOrganizationId(@Nullable Long organizationId) {
		this.organizationId = organizationId;
	}

	public @Nullable String getViolation() {
		return violation;
	}

	public void setViolation(@Nullable String violation) {
		this.violation = violation;
	}

	public @Nullable LocalDate getOpenedOn() {
		return openedOn;
	}

	public void setOpenedOn(@Nullable LocalDate openedOn) {
		this.openedOn = openedOn;
	}

}
