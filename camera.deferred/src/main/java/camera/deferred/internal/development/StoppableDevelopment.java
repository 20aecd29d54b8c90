package camera.deferred.internal.development;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import camera.api.hal.RawFrame;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;

/**
 * Full developments that stop when their caller's condition says so. The development service calls nothing back
 * and is cancelled by interrupting its calling thread, so each call runs on a virtual thread of its own while the
 * caller watches the condition and interrupts it. Closing stops every call still running.
 */
public final class StoppableDevelopment implements AutoCloseable {
	private static final long POLL_MILLIS = 10;

	private final ExecutorService calls = Executors.newThreadPerTaskExecutor(
			Thread.ofVirtual().name("darkroom-deferred-development-", 0).factory());

	/**
	 * @param stop polled while the development runs; when it turns true the development is interrupted
	 * @throws CancellationException when {@code stop} turned true, the caller was interrupted or this is closed
	 */
	public RgbImage developFull(PhotoDeveloper developer, List<RawFrame> burst, BooleanSupplier stop) {
		Future<RgbImage> call;
		try {
			call = calls.submit(() -> developer.developFull(burst));
		} catch (RejectedExecutionException e) {
			throw new CancellationException("development is stopping");
		}
		try {
			while (true) {
				try {
					return call.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
				} catch (TimeoutException e) {
					if (stop.getAsBoolean()) {
						call.cancel(true);
						throw new CancellationException("development stopped");
					}
				}
			}
		} catch (InterruptedException e) {
			call.cancel(true);
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted while developing");
		} catch (ExecutionException e) {
			throw unwrapped(e);
		}
	}

	private static RuntimeException unwrapped(ExecutionException e) {
		return switch (e.getCause()) {
			case RuntimeException runtime -> runtime;
			case Error error -> throw error;
			default -> new IllegalStateException("development failed", e.getCause());
		};
	}

	@Override
	public void close() {
		calls.shutdownNow();
	}
}
