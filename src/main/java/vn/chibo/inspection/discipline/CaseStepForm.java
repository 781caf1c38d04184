package vn.chibo.inspection.discipline;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * One step of a case as the page and the API send it: its date and what the step records
 * — the vote, the proposal, the decision (authority, form, number, effective date), the
 * appeal's outcome.
 */
public class CaseStepForm {

	private @Nullable CaseStep step;

	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate on;

	@Min(value = 0, message = "{discipline.votes.range}")
	@Max(value = 10000, message = "{discipline.votes.range}")
	private @Nullable Integer votesFor;

	@Min(value = 1, message = "{discipline.votes.range}")
	@Max(value = 10000, message = "{discipline.votes.range}")
	private @Nullable Integer votesPresent;

	@Size(max = 4000, message = "{inspection.text.size}")
	private @Nullable String text;

	private @Nullable DisciplineAuthority authority;

	private @Nullable DisciplineForm form;

	@Size(max = 60, message = "{inspection.text.size}")
	private @Nullable String decisionNo;

	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate effectiveOn;

	private @Nullable AppealOutcome outcome;

	public @Nullable CaseStep getStep() {
		return step;
	}

	public void setStep(@Nullable CaseStep step) {
		this.step = step;
	}

	public @Nullable LocalDate getOn() {
		return on;
	}

	public void setOn(@Nullable LocalDate on) {
		this.on = on;
	}

	public @Nullable Integer getVotesFor() {
		return votesFor;
	}

	public void setVotesFor(@Nullable Integer votesFor) {
		this.votesFor = votesFor;
	}

	public @Nullable Integer getVotesPresent() {
		return votesPresent;
	}

	public void setVotesPresent(@Nullable Integer votesPresent) {
		this.votesPresent = votesPresent;
	}

	public @Nullable String getText() {
		return text;
	}

	public void setText(@Nullable String text) {
		this.text = text;
	}

	public @Nullable DisciplineAuthority getAuthority() {
		return authority;
	}

	public void setAuthority(@Nullable DisciplineAuthority authority) {
		this.authority = authority;
	}

	public @Nullable DisciplineForm getForm() {
		return form;
	}

	public void setForm(@Nullable DisciplineForm form) {
		this.form = form;
	}

	public @Nullable String getDecisionNo() {
		return decisionNo;
	}

	public void setDecisionNo(@Nullable String decisionNo) {
		this.decisionNo = decisionNo;
	}

	public @Nullable LocalDate getEffectiveOn() {
		return effectiveOn;
	}

	public void setEffectiveOn(@Nullable LocalDate effectiveOn) {
		this.effectiveOn = effectiveOn;
	}

	public @Nullable AppealOutcome getOutcome() {
		return outcome;
	}

	public void setOutcome(@Nullable AppealOutcome outcome) {
		this.outcome = outcome;
	}

}
