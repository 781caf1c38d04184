package vn.chibo.inspection;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** A remedy the conclusion asks for, with its deadline. */
public class RemedyForm {

	@NotBlank(message = "{inspection.remedy.required}")
	@Size(max = 2000, message = "{inspection.text.size}")
	private @Nullable String content;

	@NotNull(message = "{inspection.dueOn.required}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate dueOn;

	public @Nullable String getContent() {
		return content;
	}

	public void setContent(@Nullable String content) {
		this.content = content;
	}

	public @Nullable LocalDate getDueOn() {
		return dueOn;
	}

	public void setDueOn(@Nullable LocalDate dueOn) {
		this.dueOn = dueOn;
	}

}
