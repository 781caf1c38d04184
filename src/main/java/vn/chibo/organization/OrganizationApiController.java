package vn.chibo.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.shared.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/orgs")
class OrganizationApiController {

	private final OrganizationQueries queries;

	OrganizationApiController(OrganizationQueries queries) {
		this.queries = queries;
	}

	/** The user's subtree as nested nodes. */
	@GetMapping
	List<OrgTreeNode> tree(@AuthenticationPrincipal CurrentUser user) {
		var byId = new HashMap<Long, OrgTreeNode>();
		var roots = new ArrayList<OrgTreeNode>();
		for (var node : queries.tree(user.committeeId(), user.scopeOrganizationId())) {
			var treeNode = OrgTreeNode.of(node);
			byId.put(node.id(), treeNode);
			var parent = (node.depth() == 0) ? null : byId.get(node.parentId());
			if (parent == null) {
				roots.add(treeNode);
			}
			else {
				parent.children().add(treeNode);
			}
		}
		return roots;
	}

	@GetMapping("/{id}")
	OrgNode show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return queries.visible(user, id);
	}

	record OrgTreeNode(long id, String code, String name, OrgLevel level, @Nullable Long parentId, OrgStatus status,
			List<OrgTreeNode> children) {

		static OrgTreeNode of(OrgNode node) {
			return new OrgTreeNode(node.id(), node.code(), node.name(), node.level(), node.parentId(), node.status(),
					new ArrayList<>());
		}

	}

}
