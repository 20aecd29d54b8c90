package camera.bench.internal;

import java.util.EnumMap;
import java.util.Map;

import camera.api.CaptureTimingEvents;

/** The stage timings of the interleaved run's measured captures, per delivery mode. */
final class PhaseOneStages {

	private final Map<StageTimings.Stage, Samples> deferred = new EnumMap<>(StageTimings.Stage.class);
	private final Map<StageTimings.Stage, Samples> single = new EnumMap<>(StageTimings.Stage.class);

	/**
	 * @param firstId the capture id of the first measured capture of each output (the warm-up ones come before)
	 * @param count   measured captures per output
	 */
	PhaseOneStages(StageTimings timings, int firstId, int count, long waitMillis) {
		long wait = waitMillis;
		for (StageTimings.Stage stage : StageTimings.Stage.values()) {
			deferred.put(stage, Samples.ofNanos(timings.of(CaptureTimingEvents.DEFERRED_ASSET, stage, firstId, count, wait)));
			single.put(stage, Samples.ofNanos(timings.of(CaptureTimingEvents.SINGLE_PHASE, stage, firstId, count, wait)));
			// what has not come by now is not coming: the other stages are read without waiting
			wait = 0;
		}
	}

	Samples deferred(StageTimings.Stage stage) {
		return deferred.get(stage);
	}

	Samples single(StageTimings.Stage stage) {
		return single.get(stage);
	}
}
