package vn.chibo.demo;

import java.util.List;

import vn.chibo.organization.OrgNode;
import vn.chibo.organization.OrganizationQueries;
import vn.chibo.shared.security.CurrentUser;

/**
 * The demo committee's own eight branches (CB01–CB08), whose history the demo writes; the
 * branches a benchmark generates beside them (S001…) keep only what the benchmark
 * measures.
 */
final class DemoBranches {

	private DemoBranches() {
	}

	static List<OrgNode> of(OrganizationQueries organizations, CurrentUser office) {
		return organizations.branches(office).stream().filter((b) -> b.code().startsWith("CB")).toList();
	}

}
