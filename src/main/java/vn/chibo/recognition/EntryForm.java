package vn.chibo.recognition;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An entry of a contest: a member or an organisation, and what it presents. */
public class EntryForm {

	private @Nullable Long memberId;

	private @Nullable Long organizationId;

	@Size(max = 300, message = "{recognition.text.size}")
	private @Nullable String work;

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

	public @Nullable String getWork() {
		return work;
	}

	public void setWork(@Nullable String work) {
		this.work = work;
	}

}
