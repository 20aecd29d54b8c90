package camera.web.internal.api;

import java.util.List;

import camera.api.DeferredJob;
import camera.api.DeferredProcessing;
import camera.api.DeferredStats;

/** {@code /api/queue}: the deferred jobs, the engine's statistics and conditions, pause and resume. */
final class QueueResources {
	private final PlatformServices services;

	QueueResources(PlatformServices services) {
		this.services = services;
	}

	/** The queue as the API shows it. */
	record QueueView(boolean paused, List<DeferredJob> jobs, DeferredStats stats) {
	}

	ApiReply queue() {
		DeferredProcessing deferred = services.deferred();
		DeferredStats stats = deferred.stats();
		return ApiReply.json(new QueueView(stats.paused(), deferred.jobs(), stats));
	}

	ApiReply pause() {
		services.deferred().pause();
		return queue();
	}

	ApiReply resume() {
		services.deferred().resume();
		return queue();
	}
}
