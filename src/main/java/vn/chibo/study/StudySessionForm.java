package vn.chibo.study;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the session form and the API bind: the organiser (the committee or a branch), what
 * is studied (library documents named by their numbers, one a line or separated by
 * commas), who reports, for whom, and the reflection asked for. Pages send dates as
 * dd/MM/yyyy, the JSON API as ISO dates.
 */
public class StudySessionForm {

	@NotNull(message = "{study.organizer.required}")
	private @Nullable Long organizerId;

	@NotNull(message = "{study.kind.required}")
	private @Nullable StudyKind kind;

	@NotBlank(message = "{study.title.required}")
	@Size(max = 300, message = "{study.text.size}")
	private @Nullable String title;

	@NotNull(message = "{study.heldOn.required}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate heldOn;

	@DateTimeFormat(pattern = "HH:mm")
	private @Nullable LocalTime startsAt;

	@Size(max = 200, message = "{study.text.size}")
	private @Nullable String place;

	@Size(max = 200, message = "{study.text.size}")
	private @Nullable String reporter;

	@Size(max = 200, message = "{study.text.size}")
	private @Nullable String reporterPost;

	@Size(max = 2000, message = "{study.text.size}")
	private @Nullable String documents;

	@NotNull(message = "{study.audience.required}")
	private @Nullable Audience audience;

	private List<Long> branchIds = new ArrayList<>();

	private List<Long> memberIds = new ArrayList<>();

	@Size(max = 4000, message = "{study.text.size}")
	private @Nullable String questions;

	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate reflectionDue;

	private boolean absentMayWrite;

	private @Nullable Integer version;

	public @Nullable Long getOrganizerId() {
		return organizerId;
	}

	public void setOrganizerId(@Nullable Long organizerId) {
		this.organizerId = organizerId;
	}

	public @Nullable StudyKind getKind() {
		return kind;
	}

	public void setKind(@Nullable StudyKind kind) {
		this.kind = kind;
	}

	public @Nullable String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable LocalDate getHeldOn() {
		return heldOn;
	}

	public void setHeldOn(@Nullable LocalDate heldOn) {
		this.heldOn = heldOn;
	}

	public @Nullable LocalTime getStartsAt() {
		return startsAt;
	}

	public void setStartsAt(@Nullable LocalTime startsAt) {
		this.startsAt = startsAt;
	}

	public @Nullable String getPlace() {
		return place;
	}

	public void setPlace(@Nullable String place) {
		this.place = place;
	}

	public @Nullable String getReporter() {
		return reporter;
	}

	public void setReporter(@Nullable String reporter) {
		this.reporter = reporter;
	}

	public @Nullable String getReporterPost() {
		return reporterPost;
	}

	public void setReporterPost(@Nullable String reporterPost) {
		this.reporterPost = reporterPost;
	}

	public @Nullable String getDocuments() {
		return documents;
	}

	public void setDocuments(@Nullable String documents) {
		this.documents = documents;
	}

	public @Nullable Audience getAudience() {
		return audience;
	}

	public void setAudience(@Nullable Audience audience) {
		this.audience = audience;
	}

	public List<Long> getBranchIds() {
		return branchIds;
	}

	public void setBranchIds(List<Long> branchIds) {
		this.branchIds = branchIds;
	}

	public List<Long> getMemberIds() {
		return memberIds;
	}

	public void setMemberIds(List<Long> memberIds) {
		this.memberIds = memberIds;
	}

	public @Nullable String getQuestions() {
		return questions;
	}

	public void setQuestions(@Nullable String questions) {
		this.questions = questions;
	}

	public @Nullable LocalDate getReflectionDue() {
		return reflectionDue;
	}

	public void setReflectionDue(@Nullable LocalDate reflectionDue) {
		this.reflectionDue = reflectionDue;
	}

	public boolean isAbsentMayWrite() {
		return absentMayWrite;
	}

	public void setAbsentMayWrite(boolean absentMayWrite) {
		this.absentMayWrite = absentMayWrite;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}

}
