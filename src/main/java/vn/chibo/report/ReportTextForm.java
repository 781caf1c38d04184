package vn.chibo.report;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The text parts of a report as the office types them (docs/domain.md §12). */
public class ReportTextForm {

	@Size(max = 20000, message = "{reportText.size}")
	private @Nullable String strengths;

	@Size(max = 20000, message = "{reportText.size}")
	private @Nullable String shortcomings;

	@Size(max = 20000, message = "{reportText.size}")
	private @Nullable String causes;

	@Size(max = 20000, message = "{reportText.size}")
	private @Nullable String tasks;

	/** The form as the text stands, to write it further. */
	static ReportTextForm of(ReportTexts.Texts written) {
		var form = new ReportTextForm();
		form.strengths = written.strengths();
		form.shortcomings = written.shortcomings();
		form.causes = written.causes();
		form.tasks = written.tasks();
		return form;
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

	public @Nullable String getCauses() {
		return causes;
	}

	public void setCauses(@Nullable String causes) {
		this.causes = causes;
	}

	public @Nullable String getTasks() {
		return tasks;
	}

	public void setTasks(@Nullable String tasks) {
		this.tasks = tasks;
	}

}
