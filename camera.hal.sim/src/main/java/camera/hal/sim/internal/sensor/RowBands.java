package camera.hal.sim.internal.sensor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import camera.api.CameraErrorCode;
import camera.api.CameraException;

/**
 * Runs pixel work over bands of rows on the camera's worker pool and waits for all of them. Work depends on the
 * rows only, never on the band or worker, so an image is the same whatever the number of workers.
 */
public final class RowBands {
	static final int ROWS_PER_BAND = 32;

	private final ExecutorService workers;

	/** @param workers a pool sized to the cores, owned by the caller */
	public RowBands(ExecutorService workers) {
		this.workers = workers;
	}

	/** Work on the rows firstRow (inclusive) to endRow (exclusive) of one band. */
	@FunctionalInterface
	interface BandWork {
		void render(int firstRow, int endRow);
	}

	/**
	 * @throws CameraException DEVICE_DISABLED when the pool is shutting down or the caller is interrupted,
	 *         SERVICE_FATAL_ERROR when the work itself failed
	 */
	void run(int rows, BandWork work) {
		List<Callable<Void>> bands = new ArrayList<>(rows / ROWS_PER_BAND + 1);
		for (int first = 0; first < rows; first += ROWS_PER_BAND) {
			int firstRow = first;
			int endRow = Math.min(rows, first + ROWS_PER_BAND);
			bands.add(() -> {
				work.render(firstRow, endRow);
				return null;
			});
		}
		try {
			for (Future<Void> done : workers.invokeAll(bands)) {
				done.get();
			}
		} catch (RejectedExecutionException | CancellationException e) {
			throw new CameraException(CameraErrorCode.DEVICE_DISABLED, "the simulated camera is shutting down", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CameraException(CameraErrorCode.DEVICE_DISABLED, "interrupted while rendering a frame", e);
		} catch (ExecutionException e) {
			throw new CameraException(CameraErrorCode.SERVICE_FATAL_ERROR,
					"the simulated sensor failed: " + e.getCause(), e.getCause());
		}
	}
}
