package media.library.internal.assets;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps a reader from seeing an asset's quality and file out of step while its image is replaced or deleted.
 * Assets share a fixed set of striped locks; several are always taken in stripe order, so two writers cannot
 * deadlock. Locks are held only around database and file work, never around a handler call.
 */
public final class AssetLocks {
	private static final int STRIPES = 64;

	private final ReentrantReadWriteLock[] stripes = new ReentrantReadWriteLock[STRIPES];

	public AssetLocks() {
		for (int i = 0; i < STRIPES; i++) {
			stripes[i] = new ReentrantReadWriteLock();
		}
	}

	/** Runs work while no writer changes the asset. */
	public <T> T reading(long id, Supplier<T> work) {
		return holding(List.of(stripe(id).readLock()), work);
	}

	/** Runs work while nobody else reads or changes the asset. */
	public <T> T writing(long id, Supplier<T> work) {
		return writing(List.of(id), work);
	}

	/** Runs work while nobody else reads or changes any of the assets. */
	public <T> T writing(Collection<Long> ids, Supplier<T> work) {
		List<Lock> locks = ids.stream()
			.mapToInt(AssetLocks::index)
			.distinct()
			.sorted()
			.mapToObj(i -> (Lock) stripes[i].writeLock())
			.toList();
		return holding(locks, work);
	}

	private static <T> T holding(List<Lock> locks, Supplier<T> work) {
		int taken = 0;
		try {
			for (Lock lock : locks) {
				lock.lock();
				taken++;
			}
			return work.get();
		} finally {
			for (int i = taken - 1; i >= 0; i--) {
				locks.get(i).unlock();
			}
		}
	}

	private ReentrantReadWriteLock stripe(long id) {
		return stripes[index(id)];
	}

	private static int index(long id) {
		return (int) Math.floorMod(id, (long) STRIPES);
	}
}
