package vn.chibo.shared.backup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.shared.audit.AuditTrail;
import vn.chibo.shared.security.CurrentUser;
import vn.chibo.shared.security.Role;

/**
 * The backups kept on the server, for the administrator (docs/operations.md): a backup
 * taken now — before an upgrade — and the list of those kept. Neither sends a backup's
 * content: it holds every committee of the deployment, and is copied off the server by
 * whoever runs the server.
 */
@RestController
@RequestMapping("/api/v1/backups")
class BackupApiController {

	private final NightlyBackup backups;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	BackupApiController(NightlyBackup backups, AuditTrail audit, TransactionTemplate transaction) {
		this.backups = backups;
		this.audit = audit;
		this.transaction = transaction;
	}

	/** A backup in the server's folder. */
	record Kept(String name, long bytes) {
	}

	@GetMapping
	List<Kept> list(@AuthenticationPrincipal CurrentUser user) throws IOException {
		requireAdmin(user);
		return backups.list().stream().map((k) -> new Kept(k.name(), k.bytes())).toList();
	}

	@PostMapping
	ResponseEntity<Kept> backUp(@AuthenticationPrincipal CurrentUser user) throws IOException {
		requireAdmin(user);
		var file = backups.backUp();
		var name = file.getFileName().toString();
		// Written once the file is whole: the trail names a backup that is there.
		transaction.executeWithoutResult((status) -> audit.record(user.committeeId(), user.username(), "backup", null,
				"create", null, Map.of("file", name)));
		return ResponseEntity.created(URI.create("/api/v1/backups")).body(new Kept(name, Files.size(file)));
	}

	private static void requireAdmin(CurrentUser user) {
		if (user.role() != Role.ADMIN) {
			throw new AccessDeniedException("backup");
		}
	}

}
