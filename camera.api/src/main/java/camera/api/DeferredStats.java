package camera.api;

import java.util.List;
import java.util.Map;

/**
 * The state of deferred processing.
 *
 * @param queued        pending jobs per priority
 * @param running       jobs being developed now
 * @param completed     jobs completed since start
 * @param failed        jobs that ended in ERROR since start
 * @param phase2P50Ms   median development time of a job, in milliseconds
 * @param phase2P99Ms   99th percentile of that time
 * @param queueP50Ms    median time a job waited before it ran
 * @param queueP99Ms    99th percentile of that time
 * @param jpegCodec     the JPEG encoder in use, e.g. {@code libjpeg-turbo 2.1.5} or {@code ImageIO}
 * @param paused        whether processing was paused by hand
 * @param conditions    each scheduling condition and whether it holds now
 * @param spoolBytes    bytes of raw frames on disk
 * @param fallbacks     captures developed inline because the spool was full
 * @param damaged       jobs since start whose raw frames all failed their checks (a power loss damaged them), so
 *                      that their FAST image became the final photo; counted in {@code failed} too (since 1.2)
 * @param developers    each development service phase 2 runs on, this machine's first (since 1.2)
 * @since 1.2
 */
public record DeferredStats(Map<JobPriority, Integer> queued, int running, long completed, long failed,
		double phase2P50Ms, double phase2P99Ms, double queueP50Ms, double queueP99Ms, String jpegCodec,
		boolean paused, Map<String, Boolean> conditions, long spoolBytes, long fallbacks, long damaged,
		List<DeveloperStats> developers) {
	public DeferredStats {
		queued = Map.copyOf(queued);
		conditions = Map.copyOf(conditions);
		developers = List.copyOf(developers);
	}

	/** The state without the development services' own lines. */
	public DeferredStats(Map<JobPriority, Integer> queued, int running, long completed, long failed,
			double phase2P50Ms, double phase2P99Ms, double queueP50Ms, double queueP99Ms, String jpegCodec,
			boolean paused, Map<String, Boolean> conditions, long spoolBytes, long fallbacks, long damaged) {
		this(queued, running, completed, failed, phase2P50Ms, phase2P99Ms, queueP50Ms, queueP99Ms, jpegCodec, paused,
				conditions, spoolBytes, fallbacks, damaged, List.of());
	}

	/** The state without a count of damaged jobs. */
	public DeferredStats(Map<JobPriority, Integer> queued, int running, long completed, long failed,
			double phase2P50Ms, double phase2P99Ms, double queueP50Ms, double queueP99Ms, String jpegCodec,
			boolean paused, Map<String, Boolean> conditions, long spoolBytes, long fallbacks,
			List<DeveloperStats> developers) {
		this(queued, running, completed, failed, phase2P50Ms, phase2P99Ms, queueP50Ms, queueP99Ms, jpegCodec, paused,
				conditions, spoolBytes, fallbacks, 0, developers);
	}

	/** The state as version 1.1 knew it, with no damaged jobs. */
	public DeferredStats(Map<JobPriority, Integer> queued, int running, long completed, long failed,
			double phase2P50Ms, double phase2P99Ms, double queueP50Ms, double queueP99Ms, String jpegCodec,
			boolean paused, Map<String, Boolean> conditions, long spoolBytes, long fallbacks) {
		this(queued, running, completed, failed, phase2P50Ms, phase2P99Ms, queueP50Ms, queueP99Ms, jpegCodec, paused,
				conditions, spoolBytes, fallbacks, 0, List.of());
	}
}
