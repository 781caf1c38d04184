package vn.chibo.inspection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import org.jspecify.annotations.Nullable;

/**
 * A programme item as the form and the API bind it: kind, body, year and month, the
 * subject (a branch, or a member of it), content, period, lead and team.
 */
public class InspectionForm {

	@NotNull(message = "{inspection.kind.required}")
	private @Nullable InspectionKind kind;

	@NotNull(message = "{inspection.body.required}")
	private @Nullable InspectionBody body;

	@NotNull(message = "{inspection.year.required}")
	@Min(value = 2000, message = "{inspection.year.range}")
	@Max(value = 2100, message = "{inspection.year.range}")
	private @Nullable Integer year;

	@NotNull(message = "{inspection.plannedMonth.required}")
	@Min(value = 1, message = "{inspection.plannedMonth.range}")
	@Max(value = 12, message = "{inspection.plannedMonth.range}")
	private @Nullable Integer plannedMonth;

	private @Nullable Long branchId;

	private @Nullable Long memberId;

	@NotBlank(message = "{inspection.content.required}")
	@Size(max = 2000, message = "{inspection.text.size}")
	private @Nullable String content;

	@NotBlank(message = "{inspection.period.required}")
	@Size(max = 200, message = "{inspection.text.size}")
	private @Nullable String period;

	@Size(max = 200, message = "{inspection.text.size}")
	private @Nullable String leadName;

	@Size(max = 1000, message = "{inspection.text.size}")
	private @Nullable String team;

	public @Nullable InspectionKind getKind() {
		return kind;
	}

	public void setKind(@Nullable InspectionKind kind) {
		this.kind = kind;
	}

	public @Nullable InspectionBody getBody() {
		return body;
	}

	public void setBody(@Nullable InspectionBody body) {
		this.body = body;
	}

	public @Nullable Integer getYear() {
		return year;
	}

	public void setYear(@Nullable Integer year) {
		this.year = year;
	}

	public @Nullable Integer getPlannedMonth() {
		return plannedMonth;
	}

	public void setPlannedMonth(@Nullable Integer plannedMonth) {
		this.plannedMonth = plannedMonth;
	}

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

	public @Nullable String getContent() {
		return content;
	}

	public void setContent(@Nullable String content) {
		this.content = content;
	}

	public @Nullable String getPeriod() {
		return period;
	}

	public void setPeriod(@Nullable String period) {
		this.period = period;
	}

	public @Nullable String getLeadName() {
		return leadName;
	}

	public void setLeadName(@Nullable String leadName) {
		this.leadName = leadName;
	}

	public @Nullable String getTeam() {
		return team;
	}

	public void setTeam(@Nullable String team) {
		this.team = team;
	}

}
