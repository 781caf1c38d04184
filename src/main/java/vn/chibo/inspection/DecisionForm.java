package vn.chibo.inspection;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The decision that opens an inspection: its number, date and signer, with the team it
 * names. Pages send the date as dd/MM/yyyy, the JSON API as an ISO date.
 */
public class DecisionForm {

	@NotBlank(message = "{inspection.decisionNo.required}")
	@Size(max = 60, message = "{inspection.text.size}")
	private @Nullable String decisionNo;

	@NotNull(message = "{inspection.decidedOn.required}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate decidedOn;

	@NotBlank(message = "{inspection.signer.required}")
	@Size(max = 200, message = "{inspection.text.size}")
	private @Nullable String signer;

	@Size(max = 200, message = "{inspection.text.size}")
	private @Nullable String leadName;

	@Size(max = 1000, message = "{inspection.text.size}")
	private @Nullable String team;

	public @Nullable String getDecisionNo() {
		return decisionNo;
	}

	public void setDecisionNo(@Nullable String decisionNo) {
		this.decisionNo = decisionNo;
	}

	public @Nullable LocalDate getDecidedOn() {
		return decidedOn;
	}

	public void setDecidedOn(@Nullable LocalDate decidedOn) {
		this.decidedOn = decidedOn;
	}

	public @Nullable String getSigner() {
		return signer;
	}

	public void setSigner(@Nullable String signer) {
		this.signer = signer;
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
