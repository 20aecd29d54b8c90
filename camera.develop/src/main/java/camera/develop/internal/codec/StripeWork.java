package camera.develop.internal.codec;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Encodes the stripes of one image on the calling thread and a few helper threads. Every thread claims the next
 * stripe until none is left, so the caller never waits on a helper that has not started: when the helpers are busy
 * with another image the caller simply encodes every stripe itself.
 */
final class StripeWork implements AutoCloseable {
	private final ExecutorService helpers;
	private final int helperCount;

	/** @param helperCount threads besides the caller; 0 makes every encoding run on the caller alone */
	StripeWork(int helperCount) {
		this.helperCount = helperCount;
		this.helpers = Executors.newFixedThreadPool(Math.max(1, helperCount),
				Thread.ofPlatform().name("darkroom-jpeg-stripe-", 1).daemon().factory());
	}

	/** @return how many threads can encode at once */
	int threads() {
		return helperCount + 1;
	}

	/** @return the stripes in order, each made by {@code encodeStripe} */
	List<byte[]> encode(int count, IntFunction<byte[]> encodeStripe) {
		byte[][] stripes = new byte[count][];
		AtomicInteger next = new AtomicInteger();
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		CountDownLatch finished = new CountDownLatch(count);
		Runnable claimStripes = () -> {
			for (int stripe = next.getAndIncrement(); stripe < count; stripe = next.getAndIncrement()) {
				try {
					stripes[stripe] = encodeStripe.apply(stripe);
				} catch (RuntimeException e) {
					failure.compareAndSet(null, e);
				} finally {
					finished.countDown();
				}
			}
		};
		for (int helper = 0; helper < Math.min(helperCount, count - 1); helper++) {
			try {
				helpers.execute(claimStripes);
			} catch (RejectedExecutionException closed) {
				break;
			}
		}
		claimStripes.run();
		awaitUninterruptibly(finished);
		if (failure.get() != null) {
			throw failure.get();
		}
		return Arrays.asList(stripes);
	}

	@Override
	public void close() {
		helpers.shutdown();
	}

	/** A stripe in progress reads the image, so the caller must not return before it ends, interrupted or not. */
	private static void awaitUninterruptibly(CountDownLatch finished) {
		boolean interrupted = false;
		while (true) {
			try {
				finished.await();
				break;
			} catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}
}
