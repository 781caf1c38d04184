package vn.chibo.shared.backup;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backups ({@code chibo.backup.*}; docs/operations.md).
 *
 * @param dir where the nightly backups are written
 * @param keep how many of them are kept (the oldest go first)
 * @param cron when the nightly backup runs (Asia/Ho_Chi_Minh); "-" for never
 * @param restoreFrom a backup to restore into the empty database at start, then start as
 * usual
 */
@ConfigurationProperties("chibo.backup")
public record BackupProperties(@DefaultValue("data/backups") String dir, @DefaultValue("7") int keep,
		@DefaultValue("0 0 2 * * *") String cron, @Nullable String restoreFrom) {

	public BackupProperties {
		restoreFrom = (restoreFrom == null || restoreFrom.isBlank()) ? null : restoreFrom;
	}

}
