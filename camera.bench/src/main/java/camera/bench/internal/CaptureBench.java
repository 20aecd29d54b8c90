package camera.bench.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import camera.api.CameraDevice;
import camera.api.CameraInput;
import camera.api.CameraManager;
import camera.api.DeferredDeliveryImageType;
import camera.api.PhotoSession;
import camera.api.Profile;
import camera.api.SceneMode;
import media.library.PhotoAsset;

/**
 * Captures through the real camera service, as an app does: one session with a deferred output and a
 * single-phase output on the same camera, used in turns so both see the same machine, then a burst on the
 * deferred output. Every asset is discarded once timed, which cancels its deferred job and frees its spool.
 */
final class CaptureBench implements AutoCloseable {
	/** Captures of each kind before measuring, so the JIT and the caches are warm. */
	static final int WARM_UP = 2;
	private static final long HEAP_SAMPLE_MILLIS = 5;

	/**
	 * Latencies of both delivery modes in nanoseconds, and the CPU time the process used during each mode's timed
	 * captures (every thread: capture, spool, phase 1 and whatever ran beside them), NaN where the system does not
	 * tell.
	 */
	record Latencies(List<Long> deferred, List<Long> singlePhase, double deferredCpuNanos,
			double singlePhaseCpuNanos) {
	}

	/**
	 * Shot-to-shot intervals between consecutive asset events, the largest heap and resident set seen while
	 * shooting (NaN where the system does not tell), and the largest heap left in use after a collection while
	 * shooting (NaN when none collected).
	 */
	record Burst(List<Long> shotToShotNanos, long peakHeapBytes, double peakResidentBytes, double peakLiveHeapBytes) {
	}

	private final PhotoSession session;
	private final TimedOutput deferred;
	private final TimedOutput singlePhase;
	private final Consumer<PhotoAsset> discard;

	/**
	 * @param discard deletes a pending camera asset (and so its job); called outside every timed span
	 * @throws IllegalStateException when the camera does not defer photo delivery
	 */
	CaptureBench(CameraManager cameras, CameraDevice camera, Profile profile, Duration timeout,
			Consumer<PhotoAsset> discard) {
		this.discard = discard;
		CameraInput input = cameras.createCameraInput(camera);
		session = cameras.createSession(SceneMode.NORMAL_PHOTO);
		try {
			input.open();
			session.beginConfig();
			session.addInput(input);
			deferred = TimedOutput.deferred(cameras.createPhotoOutput(profile), timeout);
			singlePhase = TimedOutput.singlePhase(cameras.createPhotoOutput(profile), timeout);
			session.addOutput(deferred.output());
			session.addOutput(singlePhase.output());
			session.commitConfig();
			if (!deferred.output().isDeferredImageDeliveryEnabled(DeferredDeliveryImageType.PHOTO)) {
				throw new IllegalStateException("camera " + camera.cameraId() + " does not defer photo delivery here");
			}
			session.start();
		} catch (RuntimeException e) {
			session.release();
			input.close();
			throw e;
		}
	}

	/** Alternates deferred and single-phase captures, each waited for, the order flipping every round. */
	Latencies interleaved(int count) {
		for (int i = 0; i < WARM_UP; i++) {
			timeDeferred();
			timeSinglePhase();
		}
		List<Long> deferredNanos = new ArrayList<>();
		List<Long> singleNanos = new ArrayList<>();
		CpuUse deferredCpu = new CpuUse();
		CpuUse singleCpu = new CpuUse();
		for (int i = 0; i < count; i++) {
			if (i % 2 == 0) {
				deferredNanos.add(deferredCpu.during(this::timeDeferred));
				singleNanos.add(singleCpu.during(this::timeSinglePhase));
			} else {
				singleNanos.add(singleCpu.during(this::timeSinglePhase));
				deferredNanos.add(deferredCpu.during(this::timeDeferred));
			}
		}
		return new Latencies(deferredNanos, singleNanos, deferredCpu.total(), singleCpu.total());
	}

	/** Adds up the process's CPU time over timed spans; NaN once the system does not tell. */
	private static final class CpuUse {
		private double total;

		long during(java.util.function.LongSupplier span) {
			OptionalLong before = ProcessMeter.cpuNanos();
			long result = span.getAsLong();
			OptionalLong after = ProcessMeter.cpuNanos();
			total += before.isPresent() && after.isPresent() ? after.getAsLong() - before.getAsLong() : Double.NaN;
			return result;
		}

		double total() {
			return total;
		}
	}

	/** Fires {@code shots} deferred captures at once and stamps each asset event, sampling the heap meanwhile. */
	Burst burst(int shots, ScheduledExecutorService sampler) {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
		AtomicLong peakResident = new AtomicLong(ProcessMeter.residentBytes().orElse(-1));
		ScheduledFuture<?> sampling = sampler.scheduleAtFixedRate(() -> {
			peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
			peakResident.accumulateAndGet(ProcessMeter.residentBytes().orElse(-1), Math::max);
		}, 0, HEAP_SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
		List<TimedOutput.Arrival> arrivals = new ArrayList<>();
		List<Future<?>> discards = new ArrayList<>();
		LiveHeap live = new LiveHeap();
		try {
			for (int i = 0; i < shots; i++) {
				deferred.output().capture();
			}
			for (int i = 0; i < shots; i++) {
				TimedOutput.Arrival arrival = deferred.next();
				arrivals.add(arrival);
				// The spool holds every shot until its asset is discarded: keep it from filling up.
				discards.add(sampler.submit(() -> discard.accept(arrival.asset())));
			}
			deferred.awaitReady(shots);
		} finally {
			sampling.cancel(false);
			live.close();
		}
		discards.forEach(CaptureBench::await);
		List<Long> intervals = new ArrayList<>();
		for (int i = 1; i < arrivals.size(); i++) {
			intervals.add(arrivals.get(i).nanos() - arrivals.get(i - 1).nanos());
		}
		return new Burst(intervals, peak.get(), peakResident.get() < 0 ? Double.NaN : peakResident.get(),
				live.peakBytes() < 0 ? Double.NaN : live.peakBytes());
	}

	private static void await(Future<?> task) {
		try {
			task.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while discarding the burst's photos", e);
		} catch (ExecutionException e) {
			throw new IllegalStateException("could not discard a photo of the burst: " + e.getCause().getMessage(),
					e.getCause());
		}
	}

	private long timeDeferred() {
		long start = System.nanoTime();
		TimedOutput.Arrival arrival = deferred.captureOne();
		discard.accept(arrival.asset());
		return arrival.nanos() - start;
	}

	private long timeSinglePhase() {
		long start = System.nanoTime();
		return singlePhase.captureOne().nanos() - start;
	}

	/** Releases the session, its input and outputs. */
	@Override
	public void close() {
		deferred.unregister();
		singlePhase.unregister();
		session.release();
	}
}
