package vn.chibo.meeting.minutes;

import java.time.LocalTime;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the minutes screen binds (docs/domain.md §5 "Minutes fields"): the times of the
 * day of the meeting, place, chair and minute-taker, the sections, the vote.
 * {@code version} is the version the user started from; {@code amendmentReason} is
 * required once the minutes are signed.
 */
public class MinutesForm {

	@DateTimeFormat(pattern = "HH:mm")
	private @Nullable LocalTime startTime;

	@DateTimeFormat(pattern = "HH:mm")
	private @Nullable LocalTime endTime;

	@Size(max = 200, message = "{meeting.text.size}")
	private @Nullable String place;

	private @Nullable Long chairMemberId;

	private @Nullable Long minuteTakerMemberId;

	@Size(max = 20000, message = "{meeting.text.size}")
	private @Nullable String information;

	@Size(max = 20000, message = "{meeting.text.size}")
	private @Nullable String review;

	@Size(max = 20000, message = "{meeting.text.size}")
	private @Nullable String discussionSummary;

	@Size(max = 20000, message = "{meeting.text.size}")
	private @Nullable String nextTasks;

	@Size(max = 20000, message = "{meeting.text.size}")
	private @Nullable String otherBusiness;

	@Size(max = 20000, message = "{meeting.text.size}")
	private @Nullable String conclusions;

	@Size(max = 20000, message = "{meeting.text.size}")
	private @Nullable String resolution;

	@Min(value = 0, message = "{minutes.votes.negative}")
	private @Nullable Integer votesFor;

	@Min(value = 0, message = "{minutes.votes.negative}")
	private @Nullable Integer votesAgainst;

	@Min(value = 0, message = "{minutes.votes.negative}")
	private @Nullable Integer votesAbstain;

	@Size(max = 2000, message = "{meeting.text.size}")
	private @Nullable String selfAssessment;

	private @Nullable Integer version;

	@Size(max = 1000, message = "{meeting.text.size}")
	private @Nullable String amendmentReason;

	public @Nullable LocalTime getStartTime() {
		return startTime;
	}

	public void setStartTime(@Nullable LocalTime startTime) {
		this.startTime = startTime;
	}

	public @Nullable LocalTime getEndTime() {
		return endTime;
	}

	public void setEndTime(@Nullable LocalTime endTime) {
		this.endTime = endTime;
	}

	public @Nullable String getPlace() {
		return place;
	}

	public void setPlace(@Nullable String place) {
		this.place = place;
	}

	public @Nullable Long getChairMemberId() {
		return chairMemberId;
	}

	public void setChairMemberId(@Nullable Long chairMemberId) {
		this.chairMemberId = chairMemberId;
	}

	public @Nullable Long getMinuteTakerMemberId() {
		return minuteTakerMemberId;
	}

	public void setMinuteTakerMemberId(@Nullable Long minuteTakerMemberId) {
		this.minuteTakerMemberId = minuteTakerMemberId;
	}

	public @Nullable String getInformation() {
		return information;
	}

	public void setInformation(@Nullable String information) {
		this.information = information;
	}

	public @Nullable String getReview() {
		return review;
	}

	public void setReview(@Nullable String review) {
		this.review = review;
	}

	public @Nullable String getDiscussionSummary() {
		return discussionSummary;
	}

	public void setDiscussionSummary(@Nullable String discussionSummary) {
		this.discussionSummary = discussionSummary;
	}

	public @Nullable String getNextTasks() {
		return nextTasks;
	}

	public void setNextTasks(@Nullable String nextTasks) {
		this.nextTasks = nextTasks;
	}

	public @Nullable String getOtherBusiness() {
		return otherBusiness;
	}

	public void setOtherBusiness(@Nullable String otherBusiness) {
		this.otherBusiness = otherBusiness;
	}

	public @Nullable String getConclusions() {
		return conclusions;
	}

	public void setConclusions(@Nullable String conclusions) {
		this.conclusions = conclusions;
	}

	public @Nullable String getResolution() {
		return resolution;
	}

	public void setResolution(@Nullable String resolution) {
		this.resolution = resolution;
	}

	public @Nullable Integer getVotesFor() {
		return votesFor;
	}

	public void setVotesFor(@Nullable Integer votesFor) {
		this.votesFor = votesFor;
	}

	public @Nullable Integer getVotesAgainst() {
		return votesAgainst;
	}

	public void setVotesAgainst(@Nullable Integer votesAgainst) {
		this.votesAgainst = votesAgainst;
	}

	public @Nullable Integer getVotesAbstain() {
		return votesAbstain;
	}

	public void setVotesAbstain(@Nullable Integer votesAbstain) {
		this.votesAbstain = votesAbstain;
	}

	public @Nullable String getSelfAssessment() {
		return selfAssessment;
	}

	public void setSelfAssessment(@Nullable String selfAssessment) {
		this.selfAssessment = selfAssessment;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}

	public @Nullable String getAmendmentReason() {
		return amendmentReason;
	}

	public void setAmendmentReason(@Nullable String amendmentReason) {
		this.amendmentReason = amendmentReason;
	}

}
