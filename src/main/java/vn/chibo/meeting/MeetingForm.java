package vn.chibo.meeting;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** What the screen for scheduling one meeting binds. */
public class MeetingForm {

	@NotNull(message = "{meeting.branchId.required}")
	private @Nullable Long branchId;

	@NotNull(message = "{meeting.kind.required}")
	private @Nullable MeetingKind kind;

	@NotNull(message = "{meeting.scheduledOn.required}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate scheduledOn;

	@DateTimeFormat(pattern = "HH:mm")
	private @Nullable LocalTime startsAt;

	@Size(max = 200, message = "{meeting.text.size}")
	private @Nullable String place;

	@Size(max = 500, message = "{meeting.text.size}")
	private @Nullable String topic;

	private @Nullable TopicGroup topicGroup;

	private @Nullable Long preparerMemberId;

	public @Nullable Long getBranchId() {
		return branchId;
	}

	public void setBranchId(@Nullable Long branchId) {
		this.branchId = branchId;
	}

	public @Nullable MeetingKind getKind() {
		return kind;
	}

	public void setKind(@Nullable MeetingKind kind) {
		this.kind = kind;
	}

	public @Nullable LocalDate getScheduledOn() {
		return scheduledOn;
	}

	public void setScheduledOn(@Nullable LocalDate scheduledOn) {
		this.scheduledOn = scheduledOn;
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

	public @Nullable String getTopic() {
		return topic;
	}

	public void setTopic(@Nullable String topic) {
		this.topic = topic;
	}

	public @Nullable TopicGroup getTopicGroup() {
		return topicGroup;
	}

	public void setTopicGroup(@Nullable TopicGroup topicGroup) {
		this.topicGroup = topicGroup;
	}

	public @Nullable Long getPreparerMemberId() {
		return preparerMemberId;
	}

	public void setPreparerMemberId(@Nullable Long preparerMemberId) {
		this.preparerMemberId = preparerMemberId;
	}

}
