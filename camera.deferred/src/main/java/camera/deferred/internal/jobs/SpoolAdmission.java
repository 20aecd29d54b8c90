package camera.deferred.internal.jobs;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;

import org.osgi.service.log.Logger;

import camera.api.hal.RawFrame;

/**
 * A burst being written into the spool for the engine. Spool room is taken frame by frame as the frames come, at
 * the frame's size in memory; a frame that does not fit stops the writing, and the commit then refuses the burst.
 * Once the job is on disk it accounts for the bytes it really takes there (packed frames take three quarters), as
 * it does after a restart. Used by one capture at a time: frames are added on the camera's thread, the commit or
 * abandon follows on the capture's development thread.
 */
final class SpoolAdmission implements BurstSpooling {
	private final JobTable table;
	private final Clock clock;
	private final String jobId;
	private final Spool.BurstWriting writing;
	private final LongSupplier usableBytes;
	private final long freeFloorBytes;
	private final Logger log;
	private static final long MEGABYTE = 1024 * 1024;

	private long reservedBytes;
	private String refusal;
	private boolean ended;

	/**
	 * @param usableBytes    how many bytes the spool's file system has free now
	 * @param freeFloorBytes how many of them raw frames never take
	 */
	SpoolAdmission(JobTable table, Clock clock, String jobId, Spool.BurstWriting writing, LongSupplier usableBytes,
			long freeFloorBytes, Logger log) {
		this.table = table;
		this.clock = clock;
		this.jobId = jobId;
		this.writing = writing;
		this.usableBytes = usableBytes;
		this.freeFloorBytes = freeFloorBytes;
		this.log = log;
	}

	@Override
	public synchronized void add(RawFrame frame) {
		if (ended || refusal != null) {
			return;
		}
		long bytes = frame.data().limit();
		if (!table.reserveSpool(bytes)) {
			refusal = "the spool holds " + table.spoolUse() + "; a burst of more than " + (reservedBytes + bytes)
					+ " bytes does not fit";
			return;
		}
		reservedBytes += bytes;
		long usable = usableBytes.getAsLong();
		if (usable - bytes < freeFloorBytes) {
			refusal = "the disk has " + usable / MEGABYTE + " MB free; a frame of this burst would leave less than the "
					+ freeFloorBytes / MEGABYTE + " MB the library's photos keep";
			return;
		}
		writing.add(frame);
	}

	@Override
	public synchronized String commit(CapturedBurst burst) {
		if (ended) {
			throw new IllegalStateException("the burst of job " + jobId + " has already ended");
		}
		if (burst.frames().isEmpty()) {
			abandon();
			throw new IllegalArgumentException("a burst needs at least one frame");
		}
		if (refusal != null) {
			String reason = refusal;
			abandon();
			table.countFallback();
			throw new SpoolFullException(reason);
		}
		ended = true;
		Instant acceptedAt = clock.instant();
		long storedBytes;
		try {
			storedBytes = writing.finish(burst, acceptedAt);
		} catch (IOException | RuntimeException e) {
			table.releaseSpool(reservedBytes);
			table.countFallback();
			log.warn("spool could not take job {}; the capture is developed inline: {}", jobId, e.toString());
			throw new SpoolFullException("the spool could not be written: " + e.getMessage());
		}
		table.releaseSpool(reservedBytes - storedBytes);
		table.admit(jobId, burst.captureTime(), acceptedAt, storedBytes);
		return jobId;
	}

	@Override
	public synchronized void abandon() {
		if (ended) {
			return;
		}
		ended = true;
		try {
			writing.discard();
		} catch (IOException e) {
			log.warn("spool of abandoned job {} could not be removed; the next start removes it: {}", jobId,
					e.toString());
		}
		table.releaseSpool(reservedBytes);
	}
}
