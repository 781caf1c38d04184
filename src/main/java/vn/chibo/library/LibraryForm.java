package vn.chibo.library;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the library's form and API bind for a document. Pages send dates as dd/MM/yyyy,
 * the JSON API as ISO dates; the document it replaces is named by its number.
 */
public class LibraryForm {

	@NotBlank(message = "{library.number.required}")
	@Size(max = 60, message = "{library.text.size}")
	private @Nullable String number;

	@NotBlank(message = "{library.title.required}")
	@Size(max = 500, message = "{library.text.size}")
	private @Nullable String title;

	@NotNull(message = "{library.kind.required}")
	private @Nullable DocumentKind kind;

	@NotBlank(message = "{library.issuer.required}")
	@Size(max = 200, message = "{library.text.size}")
	private @Nullable String issuer;

	@NotNull(message = "{library.issuedOn.required}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate issuedOn;

	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate inForceFrom;

	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate inForceUntil;

	@Size(max = 60, message = "{library.text.size}")
	private @Nullable String replacesNumber;

	@Size(max = 4000, message = "{library.text.size}")
	private @Nullable String summary;

	private boolean internal;

	private @Nullable Integer version;

	public @Nullable String getNumber() {
		return number;
	}

	public void setNumber(@Nullable String number) {
		this.number = number;
	}

	public @Nullable String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable DocumentKind getKind() {
		return kind;
	}

	public void setKind(@Nullable DocumentKind kind) {
		this.kind = kind;
	}

	public @Nullable String getIssuer() {
		return issuer;
	}

	public void setIssuer(@Nullable String issuer) {
		this.issuer = issuer;
	}

	public @Nullable LocalDate getIssuedOn() {
		return issuedOn;
	}

	public void setIssuedOn(@Nullable LocalDate issuedOn) {
		this.issuedOn = issuedOn;
	}

	public @Nullable LocalDate getInForceFrom() {
		return inForceFrom;
	}

	public void setInForceFrom(@Nullable LocalDate inForceFrom) {
		this.inForceFrom = inForceFrom;
	}

	public @Nullable LocalDate getInForceUntil() {
		return inForceUntil;
	}

	public void setInForceUntil(@Nullable LocalDate inForceUntil) {
		this.inForceUntil = inForceUntil;
	}

	public @Nullable String getReplacesNumber() {
		return replacesNumber;
	}

	public void setReplacesNumber(@Nullable String replacesNumber) {
		this.replacesNumber = replacesNumber;
	}

	public @Nullable String getSummary() {
		return summary;
	}

	public void setSummary(@Nullable String summary) {
		this.summary = summary;
	}

	public boolean isInternal() {
		return internal;
	}

	public void setInternal(boolean internal) {
		this.internal = internal;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}

}
