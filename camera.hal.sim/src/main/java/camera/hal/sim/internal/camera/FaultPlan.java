package camera.hal.sim.internal.camera;

/**
 * The faults a camera is configured to inject. Captures are numbered from 1 since the camera was activated or
 * last reconfigured; 0 turns a fault off.
 *
 * @param failCapture     the capture that fails before its first frame (SERVICE_FATAL_ERROR)
 * @param delayMillis     extra time every capture takes before its shutter
 * @param dropCapture     the capture during which the camera is unplugged (DEVICE_DISABLED)
 * @param dropAfterFrames how many frames of that capture are delivered before it is unplugged
 * @param reattachMillis  how long an unplugged camera stays away; negative: until reconfigured
 * @param corruptCapture  the capture one of whose frames is corrupt
 * @param corruptFrame    which frame of it, from 0
 * @param corruption      how that frame is spoiled
 */
record FaultPlan(int failCapture, int delayMillis, int dropCapture, int dropAfterFrames, int reattachMillis,
		int corruptCapture, int corruptFrame, Corruption corruption) {

	FaultPlan {
		if (failCapture < 0 || dropCapture < 0 || corruptCapture < 0) {
			throw new IllegalArgumentException("fault capture numbers count from 1; 0 turns a fault off");
		}
		if (delayMillis < 0 || dropAfterFrames < 0 || corruptFrame < 0) {
			throw new IllegalArgumentException("fault delays and frame counts must not be negative");
		}
	}

	/** @return whether any fault is planned; faults are numbered by capture, so such a camera does not stream */
	boolean any() {
		return failCapture > 0 || delayMillis > 0 || dropCapture > 0 || corruptCapture > 0;
	}

	boolean fails(int captureNumber) {
		return captureNumber == failCapture;
	}

	/** @return whether the camera goes away before frame frameIndex; at the latest after the last frame */
	boolean drops(int captureNumber, int frameIndex, int frameCount) {
		return captureNumber == dropCapture && frameIndex == Math.min(dropAfterFrames, frameCount);
	}

	boolean corrupts(int captureNumber, int frameIndex) {
		return captureNumber == corruptCapture && frameIndex == corruptFrame;
	}
}
