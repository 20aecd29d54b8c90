package camera.deferred.internal.jobs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.log.Logger;

import camera.api.DeferredJob;
import camera.api.DeferredStats;
import camera.deferred.internal.schedule.Conditions;
import camera.develop.JpegCodec;
import media.library.processing.CameraPhotoStore;

/**
 * The management API the shell watches and steers the engine through: jobs, statistics, pause, drain. What it
 * asks the library and the conditions it asks before it reads the {@link JobTable}.
 */
final class EngineManagement {
	private final JobTable table;
	private final JobEngine.Services services;
	private final Logger log;

	private final DevelopmentLanes lanes;

	EngineManagement(JobTable table, JobEngine.Services services, DevelopmentLanes lanes, Logger log) {
		this.table = table;
		this.lanes = lanes;
		this.services = services;
		this.log = log;
	}

	/** @return every job, by priority, the running ones first */
	List<DeferredJob> jobs() {
		learnAssetUris(table.jobsWithoutAsset());
		return table.snapshots();
	}

	/** A job hears of its asset's URI only when it runs or the library synchronizes: ask for the others. */
	private void learnAssetUris(List<Job> unknownAssets) {
		CameraPhotoStore library = services.library().get();
		if (library == null) {
			return;
		}
		for (Job job : unknownAssets) {
			try {
				library.findByJob(job.id()).ifPresent(asset -> table.learnAsset(job, asset.uri()));
			} catch (RuntimeException e) {
				log.debug("asset of job {} could not be looked up: {}", job.id(), e.toString());
			}
		}
	}

	DeferredStats stats() {
		Map<String, Boolean> conditions = new LinkedHashMap<>(Conditions.evaluate(services.conditions().get()).states());
		JpegCodec codec = services.codec().get();
		conditions.put("pipeline", codec != null && services.developer().get() != null);
		return table.stats(codec == null ? "none" : codec.name(), conditions, lanes.stats());
	}

	void setPaused(boolean value) {
		table.pause(value);
		log.info(value ? "deferred processing paused" : "deferred processing resumed");
	}

	/**
	 * Jobs whose asset does not exist (yet) do not hold a drain back: their photo was never delivered, and they
	 * may wait for the orphan grace period.
	 */
	boolean drain(Duration timeout) {
		return table.drain(timeout);
	}
}
