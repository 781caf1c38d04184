package vn.chibo.shared.backup;

import java.nio.file.Path;

/**
 * A folder of files a module keeps outside the database (the news pictures), saved with
 * the database in every backup and put back by a restore.
 *
 * @param name the folder's name in the backup (letters, digits and dashes)
 * @param path where the folder is on this node
 */
public record BackedUpFolder(String name, Path path) {

	public BackedUpFolder {
		if (!name.matches("[a-z0-9-]+")) {
			throw new IllegalArgumentException("Not a folder name: " + name);
		}
	}

}
