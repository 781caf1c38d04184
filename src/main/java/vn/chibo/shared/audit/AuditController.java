package vn.chibo.shared.audit;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.web.PageOf;

@Controller
class AuditController {

	private final AuditQueries queries;

	AuditController(AuditQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/audit")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String type,
			@RequestParam(defaultValue = "0") int page, Model model) {
		if (!user.role().readsAudit()) {
			throw new AccessDeniedException("audit");
		}
		model.addAttribute("entries",
				queries.recent(user.committeeId(), type, Math.max(page, 0), PageOf.clampSize(50)));
		model.addAttribute("type", type);
		return "audit/list";
	}

}
