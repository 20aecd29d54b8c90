package camera.deferred.internal.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;

import camera.api.hal.RawFrame;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;

/**
 * A pipeline that "develops" over a number of tiles. It can be told to fail, or to hold at a tile until the
 * test releases it, and it records the first frame's timestamp of each burst it developed, in order.
 */
final class FakeDeveloper implements PhotoDeveloper {
	final List<Long> developed = java.util.Collections.synchronizedList(new ArrayList<>());
	/** The timestamps of every frame of each burst it developed, in order. */
	final List<List<Long>> developedFrames = java.util.Collections.synchronizedList(new ArrayList<>());
	volatile int failuresToThrow;
	volatile boolean alwaysFail;
	/** When set, the next development waits at its first tile until released (cancelled by interruption, as the real one). */
	volatile CountDownLatch hold;
	final CountDownLatch holding = new CountDownLatch(1);
	/** {@link System#nanoTime()} when each development started. */
	final List<Long> startedAt = java.util.Collections.synchronizedList(new ArrayList<>());

	@Override
	public RgbImage developFast(RawFrame frame) {
		return new RgbImage(frame.width(), frame.height(), new byte[frame.width() * frame.height() * 3]);
	}

	@Override
	public RgbImage developFull(List<RawFrame> burst) {
		startedAt.add(System.nanoTime());
		CountDownLatch latch = hold;
		hold = null;
		if (latch != null) {
			holding.countDown();
			try {
				latch.await();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new CancellationException("interrupted");
			}
		}
		if (Thread.currentThread().isInterrupted()) {
			throw new CancellationException("cancelled at a tile");
		}
		if (alwaysFail) {
			throw new IllegalStateException("the pipeline broke");
		}
		if (failuresToThrow > 0) {
			failuresToThrow--;
			throw new IllegalStateException("the pipeline hiccuped");
		}
		RawFrame first = burst.getFirst();
		developed.add(first.metadata().timestampNanos());
		developedFrames.add(burst.stream().map(frame -> frame.metadata().timestampNanos()).toList());
		return new RgbImage(first.width(), first.height(), new byte[first.width() * first.height() * 3]);
	}

	@Override
	public RgbImage renderReference(RawFrame linearReference) {
		return developFast(linearReference);
	}
}
