package camera.deferred.internal.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.log.Logger;

import camera.api.DeferredJob;
import camera.api.DeferredStats;
import camera.api.JobPriority;
import camera.deferred.internal.schedule.Conditions;
import camera.develop.JpegCodec;
import media.library.processing.CameraPhotoStore;

/** The management API the shell watches and steers the engine through: jobs, statistics, pause, drain. */
final class EngineManagement {
	private final JobTable table;
	private final SpoolBudget budget;
	private final JobEngine.Services services;
	private final Logger log;

	EngineManagement(JobTable table, SpoolBudget budget, JobEngine.Services services, Logger log) {
		this.table = table;
		this.budget = budget;
		this.services = services;
		this.log = log;
	}

	/** @return every job, by priority, the running ones first */
	List<DeferredJob> jobs() {
		List<Job> unknownAssets = new ArrayList<>();
		table.lock();
		try {
			table.jobs().stream().filter(job -> job.assetUri() == null).forEach(unknownAssets::add);
		} finally {
			table.unlock();
		}
		learnAssetUris(unknownAssets);
		table.lock();
		try {
			return table.jobs()
				.stream()
				.sorted(Comparator.comparing((Job job) -> job.priority()).thenComparing(this::queueRank))
				.map(Job::snapshot)
				.toList();
		} finally {
			table.unlock();
		}
	}

	/** A job hears of its asset's URI only when it runs or the library synchronizes: ask for the others. */
	private void learnAssetUris(List<Job> unknownAssets) {
		CameraPhotoStore library = services.library().get();
		if (library == null) {
			return;
		}
		for (Job job : unknownAssets) {
			try {
				library.findByJob(job.id()).ifPresent(asset -> {
					table.lock();
					try {
						job.assetUri(asset.uri());
					} finally {
						table.unlock();
					}
				});
			} catch (RuntimeException e) {
				log.debug("asset of job {} could not be looked up: {}", job.id(), e.toString());
			}
		}
	}

	private int queueRank(Job job) {
		return switch (job.state()) {
			case RUNNING -> 0;
			case PENDING, FAILED -> 1;
			default -> 2;
		};
	}

	DeferredStats stats() {
		Map<String, Boolean> conditions = new LinkedHashMap<>(Conditions.evaluate(services.conditions().get()).states());
		JpegCodec codec = services.codec().get();
		conditions.put("pipeline", codec != null && services.developer().get() != null);
		table.lock();
		try {
			Map<JobPriority, Integer> queued = new EnumMap<>(JobPriority.class);
			for (JobPriority priority : JobPriority.values()) {
				queued.put(priority, 0);
			}
			for (Job job : table.queue().inOrder()) {
				queued.merge(job.priority(), 1, Integer::sum);
			}
			return new DeferredStats(queued, table.running(), table.completed(), table.failed(),
					table.phase2Times().percentile(0.5), table.phase2Times().percentile(0.99),
					table.queueTimes().percentile(0.5), table.queueTimes().percentile(0.99),
					codec == null ? "none" : codec.name(), table.paused(), conditions, budget.bytes(),
					budget.fallbacks());
		} finally {
			table.unlock();
		}
	}

	void setPaused(boolean value) {
		table.lock();
		try {
			table.paused(value);
			table.signalAll();
		} finally {
			table.unlock();
		}
		log.info(value ? "deferred processing paused" : "deferred processing resumed");
	}

	/**
	 * Jobs whose asset does not exist (yet) do not hold a drain back: their photo was never delivered, and they
	 * may wait for the orphan grace period.
	 */
	boolean drain(Duration timeout) {
		long remaining = timeout.toNanos();
		table.lock();
		try {
			table.drainStarted();
			table.signalAll();
			while (table.running() > 0 || table.queue().inOrder().stream().anyMatch(job -> !job.awaitingAsset())) {
				if (remaining <= 0 || table.stopped()) {
					return false;
				}
				remaining = table.awaitNanos(remaining);
			}
			return true;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		} finally {
			table.drainEnded();
			table.unlock();
		}
	}
}
