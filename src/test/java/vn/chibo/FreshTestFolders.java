package vn.chibo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The tests' folders of files start empty, as their database does (it is cleaned at
 * start): the news pictures of earlier runs would otherwise pile up and be taken by every
 * backup the tests write.
 */
public class FreshTestFolders implements LauncherSessionListener {

	private static final Path PICTURES = Path.of("target/test-news-images");

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (!Files.isDirectory(PICTURES)) {
			return;
		}
		try (var walk = Files.walk(PICTURES)) {
			for (var path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
