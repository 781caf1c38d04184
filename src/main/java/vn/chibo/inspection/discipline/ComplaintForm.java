package vn.chibo.inspection.discipline;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A complaint or denunciation received: when, from whom, about whom or what, its content,
 * who handles it and by when.
 */
public class ComplaintForm {

	@NotNull(message = "{complaint.kind.required}")
	private @Nullable ComplaintKind kind;

	@NotNull(message = "{complaint.receivedOn.required}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate receivedOn;

	@Size(max = 200, message = "{inspection.text.size}")
	private @Nullable String sender;

	@NotBlank(message = "{complaint.about.required}")
	@Size(max = 300, message = "{inspection.text.size}")
	private @Nullable String about;

	@NotBlank(message = "{complaint.content.required}")
	@Size(max = 4000, message = "{inspection.text.size}")
	private @Nullable String content;

	@NotBlank(message = "{complaint.handlerName.required}")
	@Size(max = 200, message = "{inspection.text.size}")
	private @Nullable String handlerName;

	@NotNull(message = "{complaint.dueOn.required}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate dueOn;

	public @Nullable ComplaintKind getKind() {
		return kind;
	}

	public void setKind(@Nullable ComplaintKind kind) {
		this.kind = kind;
	}

	public @Nullable LocalDate getReceivedOn() {
		return receivedOn;
	}

	public void setReceivedOn(@Nullable LocalDate receivedOn) {
		this.receivedOn = receivedOn;
	}

	public @Nullable String getSender() {
		return sender;
	}

	public void setSender(@Nullable String sender) {
		this.sender = sender;
	}

	public @Nullable String getAbout() {
		return about;
	}

	public void setAbout(@Nullable String about) {
		this.about = about;
	}

	public @Nullable String getContent() {
		return content;
	}

	public void setContent(@Nullable String content) {
		this.content = content;
	}

	public @Nullable String getHandlerName() {
		return handlerName;
	}

	public void setHandlerName(@Nullable String handlerName) {
		this.handlerName = handlerName;
	}

	public @Nullable LocalDate getDueOn() {
		return dueOn;
	}

	public void setDueOn(@Nullable LocalDate dueOn) {
		this.dueOn = dueOn;
	}

}
