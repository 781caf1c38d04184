package vn.chibo.shared.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.chibo.shared.cluster.ClusterLocks;

/**
 * The backups kept on the server (docs/operations.md): one a night into
 * {@code chibo.backup.dir}, once per cluster, the last {@code chibo.backup.keep} kept. A
 * backup is written under a temporary name and renamed when whole, so a backup in the
 * folder is never a half-written one.
 */
@Component
public class NightlyBackup {

	private static final Logger log = LoggerFactory.getLogger(NightlyBackup.class);

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'chibo-'yyyy-MM-dd-HHmmss'.zip'");

	private final Backups backups;

	private final BackupProperties properties;

	private final ClusterLocks locks;

	private final Clock clock;

	NightlyBackup(Backups backups, BackupProperties properties, ClusterLocks locks, Clock clock) {
		this.backups = backups;
		this.properties = properties;
		this.locks = locks;
		this.clock = clock;
	}

	@Scheduled(cron = "${chibo.backup.cron:0 0 2 * * *}", zone = "Asia/Ho_Chi_Minh")
	void nightly() {
		locks.runAlone("backup", this::backUp);
	}

	/**
	 * Writes a backup into the folder now and drops the oldest beyond the kept number.
	 */
	public Path backUp() {
		try {
			var dir = Path.of(properties.dir()).toAbsolutePath();
			Files.createDirectories(dir);
			var target = dir.resolve(LocalDateTime.now(clock).format(NAME));
			var partial = dir.resolve(target.getFileName() + ".part");
			try (var out = Files.newOutputStream(partial)) {
				var manifest = backups.write(out);
				log.info("Backup {}: {} tables, {} rows", target, manifest.tables().size(), manifest.rows());
			}
			catch (IOException | RuntimeException ex) {
				Files.deleteIfExists(partial);
				throw ex;
			}
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			var kept = list();
			for (var old : kept.subList(Math.min(Math.max(properties.keep(), 1), kept.size()), kept.size())) {
				Files.deleteIfExists(old.path());
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A backup in the folder. */
	public record Kept(Path path, String name, long bytes) {
	}

	/** The backups in the folder, newest first. */
	public List<Kept> list() throws IOException {
		var dir = Path.of(properties.dir()).toAbsolutePath();
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (var files = Files.list(dir)) {
			return files.filter((f) -> f.getFileName().toString().matches("chibo-[0-9-]+\\.zip"))
				.sorted(Comparator.comparing(Path::getFileName).reversed())
				.map((f) -> new Kept(f, f.getFileName().toString(), f.toFile().length()))
				.toList();
		}
	}

}
