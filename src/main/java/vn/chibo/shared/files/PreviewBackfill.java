package vn.chibo.shared.files;

import java.util.ArrayList;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration that converts, once, every Word file a table keeps: those kept
 * before it had a preview column, and those converted before a fix of the conversion.
 * Each file is read alone (one file in memory at a time) and its HTML written beside it.
 * Declared as a bean by the module that owns the table.
 */
public abstract class PreviewBackfill implements JavaMigration {

	private final MigrationVersion version;

	private final String table;

	/** The table must have the columns id, content_type, content and preview_html. */
	protected PreviewBackfill(String version, String table) {
		this.version = MigrationVersion.fromVersion(version);
		this.table = table;
	}

	@Override
	public MigrationVersion getVersion() {
		return version;
	}

	@Override
	public String getDescription() {
		return table + " previews";
	}

	@Override
	public Integer getChecksum() {
		return table.hashCode();
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		var ids = new ArrayList<Long>();
		try (var select = connection
			.prepareStatement("select id from " + table + " where content_type = ? order by id")) {
			select.setString(1, UploadedFiles.DOCX);
			try (var rows = select.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getLong(1));
				}
			}
		}
		try (var read = connection.prepareStatement("select content from " + table + " where id = ?");
				var write = connection.prepareStatement("update " + table + " set preview_html = ? where id = ?")) {
			for (var id : ids) {
				read.setLong(1, id);
				byte[] content;
				try (var rows = read.executeQuery()) {
					rows.next();
					content = rows.getBytes(1);
				}
				var html = DocumentPreview.of(content, UploadedFiles.DOCX);
				if (html != null) {
					write.setString(1, html);
					write.setLong(2, id);
					write.executeUpdate();
				}
			}
		}
	}

}
