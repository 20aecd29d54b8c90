package camera.api;

/**
 * The EventAdmin topics and properties of deferred job transitions, which the deferred engine posts: one event per
 * transition, posted asynchronously, so that subscribers can draw a timeline per photo. Every event carries
 * {@link #JOB_ID}, {@link #PRIORITY} and {@link #ATTEMPTS}, and {@link #ASSET_URI} once the job's asset is known.
 * These names are the contract; subscribe with them rather than with their text.
 */
public final class DeferredJobEvents {
	/** Every job topic starts with this; subscribe to {@code camera/deferred/job/*} for all of them. */
	public static final String TOPIC_PREFIX = "camera/deferred/job/";
	/** Queued, re-queued after a yield or a retry, or changed priority while queued. */
	public static final String TOPIC_PENDING = TOPIC_PREFIX + "PENDING";
	/** Phase 2 started. */
	public static final String TOPIC_RUNNING = TOPIC_PREFIX + "RUNNING";
	/** The FULL image replaced the FAST one; carries {@link #QUEUED_MS} and {@link #PHASE2_MS}. */
	public static final String TOPIC_COMPLETED = TOPIC_PREFIX + "COMPLETED";
	/** An attempt failed and will be retried; carries {@link #ERROR}. */
	public static final String TOPIC_FAILED = TOPIC_PREFIX + "FAILED";
	/** The job can never complete; its asset stays FAST; carries {@link #ERROR}. */
	public static final String TOPIC_ERROR = TOPIC_PREFIX + "ERROR";
	/** The job was dropped because its asset was deleted (or never saved). */
	public static final String TOPIC_CANCELLED = TOPIC_PREFIX + "CANCELLED";

	/** String: the job id, also the asset's deferred job id. */
	public static final String JOB_ID = "job.id";
	/** String: the asset's URI, absent while no asset is known. */
	public static final String ASSET_URI = "asset.uri";
	/** String: HIGH, NORMAL or LOW. */
	public static final String PRIORITY = "priority";
	/** Integer: attempts so far. */
	public static final String ATTEMPTS = "attempts";
	/** Long: milliseconds from acceptance (or the last re-queue) to the start of phase 2. */
	public static final String QUEUED_MS = "queued.ms";
	/** Long: milliseconds phase 2 took. */
	public static final String PHASE2_MS = "phase2.ms";
	/** String: {@code CODE: reason} of a FAILED or ERROR job. */
	public static final String ERROR = "error";

	private DeferredJobEvents() {
	}

	/** @return the topic of a state */
	public static String topic(JobState state) {
		return TOPIC_PREFIX + state.name();
	}
}
