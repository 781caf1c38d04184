package vn.chibo.organization;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An organisation as lists, the tree and the API show it. */
public record OrgNode(long id, String code, String name, OrgLevel level, @Nullable Long parentId, OrgStatus status,
		@Nullable String fieldOfWork, @Nullable LocalDate foundedOn, @Nullable LocalDate closedOn, int depth,
		int version) {

	public boolean active() {
		return status == OrgStatus.ACTIVE;
	}

}
