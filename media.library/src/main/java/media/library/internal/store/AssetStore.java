package media.library.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import media.library.AssetQuery;
import media.library.ImageFileType;
import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoType;

/**
 * The asset table: every statement the library runs, each call one transaction. Times are stored as epoch
 * milliseconds.
 */
public final class AssetStore {
	private static final String COLUMNS = "id, display_name, photo_type, mime_type, width, height, size, date_added, "
			+ "date_modified, date_taken, quality, deferred_job_id, pending, trashed, staged_file, final_reason";

	private final LibraryDatabase database;

	public AssetStore(LibraryDatabase database) {
		this.database = database;
	}

	/** What a new row holds before it has an image. */
	public record NewAsset(String displayName, String mimeType, Instant dateAdded, Instant dateTaken,
			MediaQuality quality, String deferredJobId, boolean pending) {
	}

	/** An image saved for an asset. */
	public record SavedImage(int width, int height, long size) {
	}

	/** @return the id of a new row without an image */
	public long insert(NewAsset asset) {
		return database.write("creating an asset", c -> {
			try (PreparedStatement s = c.prepareStatement("INSERT INTO asset (display_name, photo_type, mime_type, "
					+ "date_added, date_modified, date_taken, quality, deferred_job_id, pending) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
				s.setString(1, asset.displayName());
				s.setString(2, PhotoType.IMAGE.name());
				s.setString(3, asset.mimeType());
				s.setLong(4, asset.dateAdded().toEpochMilli());
				s.setLong(5, asset.dateAdded().toEpochMilli());
				setInstant(s, 6, asset.dateTaken());
				s.setString(7, asset.quality().name());
				s.setString(8, asset.deferredJobId());
				s.setBoolean(9, asset.pending());
				try (ResultSet r = s.executeQuery()) {
					r.next();
					return r.getLong(1);
				}
			}
		});
	}

	/**
	 * Lists under its folder's id an image that was on disk but in no row (an emptied or restored database), as a
	 * saved FULL photo with no job: nothing can develop it further, so it is final.
	 */
	public void insertFound(long id, String displayName, SavedImage image, Instant dateAdded, Instant dateTaken) {
		database.write("listing the found image of asset " + id, c -> update(c, "INSERT INTO asset (id, display_name, "
				+ "photo_type, mime_type, width, height, size, date_added, date_modified, date_taken, quality) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, displayName, PhotoType.IMAGE.name(),
				ImageFileType.JPEG.mimeType(), image.width(), image.height(), image.size(), dateAdded.toEpochMilli(),
				dateAdded.toEpochMilli(), dateTaken == null ? null : dateTaken.toEpochMilli(),
				MediaQuality.FULL.name()));
	}

	/**
	 * Records the first image of an asset that has none.
	 *
	 * @param deferredJobId the job that will replace a FAST image, or {@code null}
	 * @param dateTaken     the capture time the image states, or {@code null}; kept only when the asset has none
	 * @return whether the asset existed without an image
	 */
	public boolean attachImage(long id, SavedImage image, MediaQuality quality, String deferredJobId,
			Instant dateTaken, Instant now) {
		return database.write("saving the image of asset " + id, c -> update(c,
				"UPDATE asset SET width = ?, height = ?, size = ?, quality = ?, deferred_job_id = ?, "
						+ "date_taken = COALESCE(date_taken, ?), date_modified = ? WHERE id = ? AND size = 0",
				image.width(), image.height(), image.size(), quality.name(), deferredJobId,
				dateTaken == null ? null : dateTaken.toEpochMilli(), now.toEpochMilli(), id) == 1);
	}

	/** @return whether a pending camera asset existed and is now saved */
	public boolean markSaved(long id, Instant now) {
		return database.write("saving camera asset " + id, c -> update(c,
				"UPDATE asset SET pending = 0, date_modified = ? WHERE id = ? AND pending = 1 AND size > 0",
				now.toEpochMilli(), id) == 1);
	}

	/**
	 * Commits the replacement of a FAST image by a FULL one that is staged beside the asset's file: the asset is
	 * FULL from this transaction on, and the staged file name is recorded until it has been renamed over.
	 *
	 * @return the row as it was before, or empty when no FAST asset holds the job
	 */
	public Optional<AssetRow> commitReplacement(String jobId, String stagedFile, SavedImage image, Instant now) {
		return database.write("completing job " + jobId, c -> {
			Optional<AssetRow> before = selectOne(c, "WHERE deferred_job_id = ? AND quality = 'FAST'", jobId);
			if (before.isPresent()) {
				update(c, "UPDATE asset SET quality = 'FULL', deferred_job_id = NULL, staged_file = ?, width = ?, "
						+ "height = ?, size = ?, date_modified = ? WHERE id = ?", stagedFile, image.width(),
						image.height(), image.size(), now.toEpochMilli(), before.get().id());
			}
			return before;
		});
	}

	/** Undoes {@link #commitReplacement} when the staged file could not be renamed over the asset's file. */
	public void revertReplacement(AssetRow before) {
		database.write("reverting the replacement of asset " + before.id(), c -> update(c,
				"UPDATE asset SET quality = 'FAST', deferred_job_id = ?, staged_file = NULL, width = ?, height = ?, "
						+ "size = ?, date_modified = ? WHERE id = ?",
				before.deferredJobId(), before.width(), before.height(), before.size(),
				before.dateModified().toEpochMilli(), before.id()));
	}

	/** Records that the staged file of an asset has been renamed over its file. */
	public void clearStaged(long id) {
		database.write("finishing the replacement of asset " + id,
				c -> update(c, "UPDATE asset SET staged_file = NULL WHERE id = ?", id));
	}

	/**
	 * Makes the FAST image of the asset holding a job its final image: the asset forgets the job and records why.
	 *
	 * @return the asset that held the job as it was before; empty when no FAST asset held it
	 */
	public Optional<AssetRow> finalizeFast(String jobId, String reason, Instant now) {
		return database.write("failing job " + jobId, c -> {
			Optional<AssetRow> row = selectOne(c, "WHERE deferred_job_id = ? AND quality = 'FAST'", jobId);
			if (row.isPresent()) {
				update(c, "UPDATE asset SET deferred_job_id = NULL, final_reason = ?, date_modified = ? WHERE id = ?",
						reason, now.toEpochMilli(), row.get().id());
			}
			return row;
		});
	}

	/**
	 * Commits the replacement of an asset's image by one the application gave, staged beside the asset's file: the
	 * asset is FULL and final from this transaction on (its job, if any, is forgotten), it takes the capture time
	 * the new image states ({@code dateTaken}, may be null to keep its own), it is saved when {@code save}, and the
	 * staged file name is recorded until it has been renamed over.
	 *
	 * @return the row as it was before, or empty when the asset has no image any more
	 */
	public Optional<AssetRow> commitAppImage(long id, String stagedFile, SavedImage image, Instant dateTaken,
			boolean save, Instant now) {
		return database.write("replacing the image of asset " + id, c -> {
			Optional<AssetRow> before = selectOne(c, "WHERE id = ? AND size > 0", id);
			if (before.isPresent()) {
				update(c, "UPDATE asset SET quality = 'FULL', deferred_job_id = NULL, final_reason = NULL, "
						+ "staged_file = ?, width = ?, height = ?, size = ?, date_taken = COALESCE(?, date_taken), "
						+ "pending = CASE WHEN ? THEN 0 ELSE pending END, date_modified = ? WHERE id = ?",
						stagedFile, image.width(), image.height(), image.size(),
						dateTaken == null ? null : dateTaken.toEpochMilli(), save, now.toEpochMilli(), id);
			}
			return before;
		});
	}

	/** Undoes {@link #commitAppImage} when the staged file could not be renamed over the asset's file. */
	public void revertAppImage(AssetRow before) {
		database.write("reverting the replacement of asset " + before.id(), c -> update(c,
				"UPDATE asset SET quality = ?, deferred_job_id = ?, final_reason = ?, staged_file = NULL, width = ?, "
						+ "height = ?, size = ?, date_taken = ?, pending = ?, date_modified = ? WHERE id = ?",
				before.quality().name(), before.deferredJobId(), before.finalReason(), before.width(), before.height(),
				before.size(), before.dateTaken() == null ? null : before.dateTaken().toEpochMilli(), before.pending(),
				before.dateModified().toEpochMilli(), before.id()));
	}

	/**
	 * Moves assets into or out of the trash, all or none.
	 *
	 * @return the rows as they are now
	 * @throws MediaLibraryException NOT_FOUND, changing nothing, when an id names no asset
	 */
	public List<AssetRow> setTrashed(Collection<Long> ids, boolean trashed, Instant now) {
		return database.write(trashed ? "trashing assets" : "restoring assets", c -> {
			List<AssetRow> rows = selectAll(c, ids);
			for (AssetRow row : rows) {
				update(c, "UPDATE asset SET trashed = ?, date_modified = ? WHERE id = ?", trashed, now.toEpochMilli(),
						row.id());
			}
			return selectAll(c, ids);
		});
	}

	/**
	 * Deletes rows, all or none.
	 *
	 * @return the rows as they were
	 * @throws MediaLibraryException NOT_FOUND, changing nothing, when an id names no asset
	 */
	public List<AssetRow> delete(Collection<Long> ids) {
		return database.write("deleting assets", c -> {
			List<AssetRow> rows = selectAll(c, ids);
			for (AssetRow row : rows) {
				update(c, "DELETE FROM asset WHERE id = ?", row.id());
			}
			return rows;
		});
	}

	/** @return the row of an asset */
	public Optional<AssetRow> find(long id) {
		return database.read("reading asset " + id, c -> selectOne(c, "WHERE id = ?", id));
	}

	/** @return the row of the asset holding a deferred job */
	public Optional<AssetRow> findByJob(String jobId) {
		return database.read("finding the asset of job " + jobId, c -> selectOne(c, "WHERE deferred_job_id = ?", jobId));
	}

	/** @return the listed (saved, with an image) assets matching the query */
	public List<AssetRow> query(AssetQuery query) {
		StringBuilder where = new StringBuilder("WHERE pending = 0 AND size > 0 AND trashed = ?");
		List<Object> arguments = new ArrayList<>(List.of(query.trashed()));
		if (query.quality() != null) {
			where.append(" AND quality = ?");
			arguments.add(query.quality().name());
		}
		String direction = query.newestFirst() ? "DESC" : "ASC";
		where.append(" ORDER BY date_added ").append(direction).append(", id ").append(direction)
			.append(" LIMIT ? OFFSET ?");
		arguments.add(query.limit());
		arguments.add(query.offset());
		return database.read("listing assets", c -> select(c, where.toString(), arguments.toArray()));
	}

	/** @return every asset still FAST with a deferred job, pending ones too */
	public List<AssetRow> withPendingJobs() {
		return database.read("listing pending jobs",
				c -> select(c, "WHERE quality = 'FAST' AND deferred_job_id IS NOT NULL ORDER BY id"));
	}

	/** @return unsaved camera assets and assets without an image, created before the cut-off */
	public List<AssetRow> unfinishedBefore(Instant cutOff) {
		return database.read("listing unfinished assets", c -> select(c,
				"WHERE (pending = 1 OR size = 0) AND date_added < ? ORDER BY id", cutOff.toEpochMilli()));
	}

	/** @return every asset that has an image */
	public List<AssetRow> withImages() {
		return database.read("listing assets with images", c -> select(c, "WHERE size > 0 ORDER BY id"));
	}

	/** @return assets with a replacement committed but maybe not renamed */
	public List<AssetRow> withStagedFiles() {
		return database.read("listing staged replacements", c -> select(c, "WHERE staged_file IS NOT NULL"));
	}

	/** @return the ids of every asset */
	public List<Long> allIds() {
		return database.read("listing asset ids", c -> {
			List<Long> ids = new ArrayList<>();
			try (PreparedStatement s = c.prepareStatement("SELECT id FROM asset"); ResultSet r = s.executeQuery()) {
				while (r.next()) {
					ids.add(r.getLong(1));
				}
			}
			return ids;
		});
	}

	private static List<AssetRow> selectAll(Connection c, Collection<Long> ids) throws SQLException {
		List<AssetRow> rows = new ArrayList<>();
		for (long id : ids) {
			rows.add(selectOne(c, "WHERE id = ?", id).orElseThrow(() -> new MediaLibraryException(
					MediaLibraryErrorCode.NOT_FOUND, "no asset has id " + id)));
		}
		return rows;
	}

	private static Optional<AssetRow> selectOne(Connection c, String where, Object... arguments) throws SQLException {
		List<AssetRow> rows = select(c, where, arguments);
		return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
	}

	private static List<AssetRow> select(Connection c, String where, Object... arguments) throws SQLException {
		try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM asset " + where)) {
			bind(s, arguments);
			try (ResultSet r = s.executeQuery()) {
				List<AssetRow> rows = new ArrayList<>();
				while (r.next()) {
					rows.add(row(r));
				}
				return rows;
			}
		}
	}

	private static int update(Connection c, String sql, Object... arguments) throws SQLException {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			bind(s, arguments);
			return s.executeUpdate();
		}
	}

	private static void bind(PreparedStatement s, Object... arguments) throws SQLException {
		for (int i = 0; i < arguments.length; i++) {
			Object argument = arguments[i];
			if (argument == null) {
				s.setNull(i + 1, Types.NULL);
			} else if (argument instanceof Boolean b) {
				s.setInt(i + 1, b ? 1 : 0);
			} else {
				s.setObject(i + 1, argument);
			}
		}
	}

	private static void setInstant(PreparedStatement s, int index, Instant instant) throws SQLException {
		if (instant == null) {
			s.setNull(index, Types.INTEGER);
		} else {
			s.setLong(index, instant.toEpochMilli());
		}
	}

	private static AssetRow row(ResultSet r) throws SQLException {
		long taken = r.getLong("date_taken");
		Instant dateTaken = r.wasNull() ? null : Instant.ofEpochMilli(taken);
		return new AssetRow(r.getLong("id"), r.getString("display_name"), PhotoType.valueOf(r.getString("photo_type")),
				r.getString("mime_type"), r.getInt("width"), r.getInt("height"), r.getLong("size"),
				Instant.ofEpochMilli(r.getLong("date_added")), Instant.ofEpochMilli(r.getLong("date_modified")),
				dateTaken, MediaQuality.valueOf(r.getString("quality")), r.getString("deferred_job_id"),
				r.getInt("pending") != 0, r.getInt("trashed") != 0, r.getString("staged_file"),
				r.getString("final_reason"));
	}
}
