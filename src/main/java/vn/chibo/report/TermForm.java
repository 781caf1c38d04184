package vn.chibo.report;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** A term as the office records it: its first and last calendar year and its congress. */
public class TermForm {

	private @Nullable Integer firstYear;

	private @Nullable Integer lastYear;

	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate congressOn;

	public @Nullable Integer getFirstYear() {
		return firstYear;
	}

	public void setFirstYear(@Nullable Integer firstYear) {
		this.firstYear = firstYear;
	}

	public @Nullable Integer getLastYear() {
		return lastYear;
	}

	public void setLastYear(@Nullable Integer lastYear) {
		this.lastYear = lastYear;
	}

	public @Nullable LocalDate getCongressOn() {
		return congressOn;
	}

	public void setCongressOn(@Nullable LocalDate congressOn) {
		this.congressOn = congressOn;
	}

}
