package vn.chibo.inspection;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The conclusion (kết luận; docs/domain.md §10): findings, strengths, shortcomings,
 * violations if any, and recommendations.
 */
public class ConclusionForm {

	@NotNull(message = "{inspection.concludedOn.required}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate concludedOn;

	@NotBlank(message = "{inspection.findings.required}")
	@Size(max = 8000, message = "{inspection.text.size}")
	private @Nullable String findings;

	@Size(max = 8000, message = "{inspection.text.size}")
	private @Nullable String strengths;

	@Size(max = 8000, message = "{inspection.text.size}")
	private @Nullable String shortcomings;

	@Size(max = 8000, message = "{inspection.text.size}")
	private @Nullable String violations;

	@Size(max = 8000, message = "{inspection.text.size}")
	private @Nullable String recommendations;

	public @Nullable LocalDate getConcludedOn() {
		return concludedOn;
	}

	public void setConcludedOn(@Nullable LocalDate concludedOn) {
		this.concludedOn = concludedOn;
	}

	public @Nullable String getFindings() {
		return findings;
	}

	public void setFindings(@Nullable String findings) {
		this.findings = findings;
	}

	public @Nullable String getStrengths() {
		return strengths;
	}

	public void setStrengths(@Nullable String strengths) {
		this.strengths = strengths;
	}

	public @Nullable String getShortcomings() {
		return shortcomings;
	}

	public void setShortcomings(@Nullable String shortcomings) {
		this.shortcomings = shortcomings;
	}

	public @Nullable String getViolations() {
		return violations;
	}

	public void setViolations(@Nullable String violations) {
		this.violations = violations;
	}

	public @Nullable String getRecommendations() {
		return recommendations;
	}

	public void setRecommendations(@Nullable String recommendations) {
		this.recommendations = recommendations;
	}

}
