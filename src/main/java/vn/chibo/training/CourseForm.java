package vn.chibo.training;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

import vn.chibo.member.TheoryLevel;

/**
 * What the course form and the API bind: kind (a theory course with its level), title,
 * provider, dates and mode. Pages send dates as dd/MM/yyyy, the JSON API as ISO dates.
 */
public class CourseForm {

	@NotNull(message = "{training.kind.required}")
	private @Nullable CourseKind kind;

	private @Nullable TheoryLevel level;

	@NotBlank(message = "{training.title.required}")
	@Size(max = 300, message = "{training.text.size}")
	private @Nullable String title;

	@NotBlank(message = "{training.provider.required}")
	@Size(max = 200, message = "{training.text.size}")
	private @Nullable String provider;

	@NotNull(message = "{training.startsOn.required}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate startsOn;

	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate endsOn;

	@NotNull(message = "{training.mode.required}")
	private @Nullable CourseMode mode;

	private @Nullable Integer version;

	public @Nullable CourseKind getKind() {
		return kind;
	}

	public void setKind(@Nullable CourseKind kind) {
		this.kind = kind;
	}

	public @Nullable TheoryLevel getLevel() {
		return level;
	}

	public void setLevel(@Nullable TheoryLevel level) {
		this.level = level;
	}

	public @Nullable String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getProvider() {
		return provider;
	}

	public void setProvider(@Nullable String provider) {
		this.provider = provider;
	}

	public @Nullable LocalDate getStartsOn() {
		return startsOn;
	}

	public void setStartsOn(@Nullable LocalDate startsOn) {
		this.startsOn = startsOn;
	}

	public @Nullable LocalDate getEndsOn() {
		return endsOn;
	}

	public void setEndsOn(@Nullable LocalDate endsOn) {
		this.endsOn = endsOn;
	}

	public @Nullable CourseMode getMode() {
		return mode;
	}

	public void setMode(@Nullable CourseMode mode) {
		this.mode = mode;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}

}
