package vn.chibo.recognition;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the award form and the API bind: the form of commendation, its title, issuer,
 * decision, and the recipient — a member or a Party organisation. Pages send dates as
 * dd/MM/yyyy, the JSON API as ISO dates.
 */
public class AwardForm {

	@NotNull(message = "{recognition.kind.required}")
	private @Nullable AwardKind kind;

	@NotBlank(message = "{recognition.title.required}")
	@Size(max = 300, message = "{recognition.text.size}")
	private @Nullable String title;

	@NotBlank(message = "{recognition.issuer.required}")
	@Size(max = 200, message = "{recognition.text.size}")
	private @Nullable String issuer;

	@Size(max = 60, message = "{recognition.text.size}")
	private @Nullable String decisionNo;

	@NotNull(message = "{recognition.decidedOn.required}")
	@DateTimeFormat(pattern = "dd/MM/yyyy")
	private @Nullable LocalDate decidedOn;

	private @Nullable Long memberId;

	private @Nullable Long organizationId;

	@Size(max = 2000, message = "{recognition.text.size}")
	private @Nullable String reason;

	private @Nullable Integer badgeYears;

	public @Nullable AwardKind getKind() {
		return kind;
	}

	public void setKind(@Nullable AwardKind kind) {
		this.kind = kind;
	}

	public @Nullable String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getIssuer() {
		return issuer;
	}

	public void setIssuer(@Nullable String issuer) {
		this.issuer = issuer;
	}

	public @Nullable String getDecisionNo() {
		return decisionNo;
	}

	public void setDecisionNo(@Nullable String decisionNo) {
		this.decisionNo = decisionNo;
	}

	public @Nullable LocalDate getDecidedOn() {
		return decidedOn;
	}

	public void setDecidedOn(@Nullable LocalDate decidedOn) {
		this.decidedOn = decidedOn;
	}

	public @Nullable Long getMemberId() {
		return memberId;
	}

	public void setMemberId(@Nullable Long memberId) {
		this.memberId = memberId;
	}

	public @Nullable Long getOrganizationId() {
		return organizationId;
	}

	public void setOrganizationId(@Nullable Long organizationId) {
		this.organizationId = organizationId;
	}

	public @Nullable String getReason() {
		return reason;
	}

	public void setReason(@Nullable String reason) {
		this.reason = reason;
	}

	public @Nullable Integer getBadgeYears() {
		return badgeYears;
	}

	public void setBadgeYears(@Nullable Integer badgeYears) {
		this.badgeYears = badgeYears;
	}

}
