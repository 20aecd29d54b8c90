package media.library.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;

/**
 * The schema of the library database, as the list of steps that build it. {@code PRAGMA user_version} records
 * how many steps a database has had; opening it runs the missing ones, each in its own transaction. Steps are
 * only ever appended.
 */
final class SchemaMigrations {
	private static final List<List<String>> STEPS = List.of(
			// 1: the catalogue of assets
			List.of("""
					CREATE TABLE asset (
					  id INTEGER PRIMARY KEY AUTOINCREMENT,
					  display_name TEXT NOT NULL,
					  photo_type TEXT NOT NULL,
					  mime_type TEXT NOT NULL,
					  width INTEGER NOT NULL DEFAULT 0,
					  height INTEGER NOT NULL DEFAULT 0,
					  size INTEGER NOT NULL DEFAULT 0,
					  date_added INTEGER NOT NULL,
					  date_modified INTEGER NOT NULL,
					  date_taken INTEGER,
					  quality TEXT NOT NULL CHECK (quality IN ('FAST', 'FULL')),
					  deferred_job_id TEXT UNIQUE,
					  pending INTEGER NOT NULL DEFAULT 0,
					  trashed INTEGER NOT NULL DEFAULT 0
					)""",
					"CREATE INDEX asset_listing ON asset (trashed, pending, date_added)"),
			// 2: replacements committed in the database whose file rename may not have happened yet
			List.of("ALTER TABLE asset ADD COLUMN staged_file TEXT"),
			// 3: why the FAST image of a photo whose phase 2 could not succeed is its final image
			List.of("ALTER TABLE asset ADD COLUMN final_reason TEXT"));

	private SchemaMigrations() {
	}

	/** @return the schema version this code writes */
	static int latestVersion() {
		return STEPS.size();
	}

	/** Brings the database up to {@link #latestVersion()}. */
	static void migrate(Connection connection) throws SQLException {
		int version = currentVersion(connection);
		if (version > latestVersion()) {
			throw new MediaLibraryException(MediaLibraryErrorCode.IO_ERROR, "the library database has schema version "
					+ version + ", newer than this library's " + latestVersion());
		}
		for (int step = version; step < latestVersion(); step++) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				for (String sql : STEPS.get(step)) {
					statement.executeUpdate(sql);
				}
				statement.executeUpdate("PRAGMA user_version = " + (step + 1));
				connection.commit();
			} catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			} finally {
				connection.setAutoCommit(true);
			}
		}
	}

	static int currentVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("PRAGMA user_version")) {
			return result.next() ? result.getInt(1) : 0;
		}
	}
}
