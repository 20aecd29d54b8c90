package camera.hal.sim.internal.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.Size;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.api.hal.SceneBurst;
import camera.api.hal.SimulatedScene;
import camera.hal.sim.internal.scene.SeedMixer;

/**
 * The scene of one simulated camera, rendered for measurements: the frames of a burst as its sensor delivers
 * them, with the settings in force, and their noise-free reference. Renders have a noise stream of their own, so
 * they neither count as captures (which the faults number) nor repeat a capture's noise; no fault applies and no
 * timing is waited out. Renders hold the camera's capture activity shared, so deactivation waits for them.
 */
final class CameraScene implements SimulatedScene {
	private static final long RENDER_STREAM = 0x7363656E65L;

	private final SimulatedCamera camera;
	private final AtomicLong renders = new AtomicLong();

	CameraScene(SimulatedCamera camera) {
		this.camera = camera;
	}

	@Override
	public HalCameraInfo camera() {
		return camera.info();
	}

	@Override
	public SceneBurst render(Size size, int frames) {
		Objects.requireNonNull(size, "size");
		SimulatedCamera.Setup setup = camera.setup();
		CameraSettings settings = setup.settings();
		String id = settings.info().id();
		if (!settings.offers(size, PixelFormat.RAW_BAYER16)) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT, "camera " + id + " offers no profile " + size
					+ "; its sizes are " + String.join(", ", settings.capabilities().profiles().stream()
						.map(profile -> profile.size().toString()).toList()));
		}
		if (frames < 1) {
			throw new CameraException(CameraErrorCode.INVALID_ARGUMENT,
					"a burst has at least one frame, not " + frames);
		}
		Lock running = camera.captureActivity();
		if (!running.tryLock()) {
			throw new CameraException(CameraErrorCode.DEVICE_DISABLED, "camera " + id + " is stopping");
		}
		try {
			long renderSeed = SeedMixer.mix(SeedMixer.mix(settings.sceneSeed(), RENDER_STREAM),
					renders.incrementAndGet());
			int count = Math.min(frames, settings.capabilities().maxBurst());
			long period = settings.timing().framePeriodNanos();
			long start = System.nanoTime();
			List<RawFrame> burst = new ArrayList<>(count);
			for (int index = 0; index < count; index++) {
				burst.add(setup.rawFrame(size, setup.renderedSamples(size, renderSeed, index), start + index * period));
			}
			return new SceneBurst(burst, setup.reference(size));
		} finally {
			running.unlock();
		}
	}
}
