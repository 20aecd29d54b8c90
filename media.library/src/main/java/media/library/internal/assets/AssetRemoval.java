package media.library.internal.assets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryEvents;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.internal.deferred.DeferredJobs;
import media.library.internal.requests.ImageRequests;
import media.library.internal.store.AssetRow;
import media.library.internal.store.AssetStore;

/**
 * Deletes assets for good: rows first, in one transaction, then files (a crash in between leaves only files
 * the start-up sweep removes); then their jobs are cancelled and their waiting requests ended.
 */
public final class AssetRemoval {
	private final AssetStore store;
	private final AssetLocks locks;
	private final AssetImages images;
	private final ImageRequests requests;
	private final DeferredJobs jobs;
	private final AssetEvents events;

	public AssetRemoval(AssetStore store, AssetLocks locks, AssetImages images, ImageRequests requests,
			DeferredJobs jobs, AssetEvents events) {
		this.store = store;
		this.locks = locks;
		this.images = images;
		this.requests = requests;
		this.jobs = jobs;
		this.events = events;
	}

	/**
	 * @param why how the request of a waiting application ends, e.g. "was deleted"
	 * @return the rows as they were before
	 * @throws MediaLibraryException NOT_FOUND, removing nothing, when an id names no asset
	 */
	public List<AssetRow> remove(Collection<Long> ids, String why) {
		List<AssetRow> rows = locks.writing(ids, () -> {
			// The folders go aside first: a crash after the rows went must not leave folders start-up lists again.
			List<Long> setAside = new ArrayList<>();
			List<AssetRow> deleted;
			try {
				for (long id : ids) {
					images.setAside(id);
					setAside.add(id);
				}
				deleted = store.delete(ids);
			} catch (RuntimeException e) {
				setAside.forEach(images::putBack);
				throw e;
			}
			deleted.forEach(row -> images.deleteFiles(row.id()));
			return deleted;
		});
		for (AssetRow row : rows) {
			if (row.quality() == MediaQuality.FAST && row.deferredJobId() != null) {
				jobs.removeImage(row.deferredJobId(), false);
			}
			requests.endWaiting(row.id(), new MediaLibraryException(MediaLibraryErrorCode.CANCELLED,
					"asset " + row.uri() + " " + why + " while the request waited"));
			events.post(MediaLibraryEvents.TOPIC_DELETED, row);
		}
		return rows;
	}
}
