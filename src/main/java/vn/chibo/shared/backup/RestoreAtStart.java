package vn.chibo.shared.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code chibo.backup.restore-from} set, restores that backup into the new database
 * before anything else runs at start (the demo committee then sees a committee and loads
 * nothing); a backup that cannot be restored stops the start with the reason
 * (docs/operations.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RestoreAtStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RestoreAtStart.class);

	private final Backups backups;

	private final BackupProperties properties;

	RestoreAtStart(Backups backups, BackupProperties properties) {
		this.backups = backups;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		var from = properties.restoreFrom();
		if (from == null) {
			return;
		}
		try (var in = Files.newInputStream(Path.of(from))) {
			var manifest = backups.restore(in);
			log.info("Restored {} (taken {}): {} tables, {} rows, schema version {}", from, manifest.takenAt(),
					manifest.tables().size(), manifest.rows(), manifest.schemaVersion());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not restore " + from, ex);
		}
	}

}
