package camera.hal.sim.internal.camera;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import camera.api.CameraException;
import camera.api.CameraType;
import camera.api.ConnectionType;
import camera.api.DeferredDeliveryImageType;
import camera.api.Size;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.HalCapabilities;
import camera.api.hal.HalProfile;
import camera.api.hal.PixelFormat;
import camera.hal.sim.internal.sensor.SensorModel;

/**
 * A validated camera configuration, grouped by what a change to it affects: who the camera is and what it
 * offers (a change re-registers it), the sensor and scene (a change renders a new scene), and timing and faults
 * (applied from the next capture on).
 */
record CameraSettings(HalCameraInfo info, HalCapabilities capabilities, SensorModel sensor, long sceneSeed,
		int shakePixels, TimingModel timing, FaultPlan faults, int frameBuffers) {
	static final int MAX_FRAME_BUFFERS = 64;

	static final String HAL = "sim";
	static final int MAX_SHAKE_PIXELS = 64;

	/**
	 * @throws IllegalArgumentException with a readable line naming the attribute that is wrong
	 */
	static CameraSettings from(SimulatedCamera.Configuration configuration) {
		String id = configuration.camera_id().trim();
		if (id.isEmpty()) {
			throw new IllegalArgumentException("camera.id must not be empty");
		}
		if (configuration.burst_frames() < 1 || configuration.burst_frames() > 64) {
			throw new IllegalArgumentException("burst.frames must be 1 to 64, not " + configuration.burst_frames());
		}
		if (configuration.shake_pixels() < 0 || configuration.shake_pixels() > MAX_SHAKE_PIXELS) {
			throw new IllegalArgumentException(
					"shake.pixels must be 0 to " + MAX_SHAKE_PIXELS + ", not " + configuration.shake_pixels());
		}
		if (configuration.frame_buffers() < 0 || configuration.frame_buffers() > MAX_FRAME_BUFFERS) {
			throw new IllegalArgumentException("frame.buffers must be 0 to " + MAX_FRAME_BUFFERS + ", not "
					+ configuration.frame_buffers());
		}
		HalCameraInfo info = new HalCameraInfo(id, configuration.camera_name(), HAL, configuration.camera_position(),
				CameraType.DEFAULT, ConnectionType.BUILT_IN, "Darkroom", "Simulated 12-bit RGGB sensor");
		Set<DeferredDeliveryImageType> deferred = configuration.deferred_photo()
				? Set.of(DeferredDeliveryImageType.PHOTO)
				: Set.of();
		HalCapabilities capabilities =
				new HalCapabilities(profiles(configuration.profiles()), configuration.burst_frames(), deferred);
		SensorModel sensor = new SensorModel(configuration.black_level(), configuration.iso(),
				configuration.shot_noise_scale(), configuration.read_noise_scale(), configuration.vignetting());
		TimingModel timing = new TimingModel(configuration.exposure_ms(), configuration.readout_ms(),
				configuration.frame_rate());
		FaultPlan faults = new FaultPlan(configuration.fault_fail_capture(), configuration.fault_delay_ms(),
				configuration.fault_drop_capture(), configuration.fault_drop_after_frames(),
				configuration.fault_reattach_ms(), configuration.fault_corrupt_capture(),
				configuration.fault_corrupt_frame(), configuration.fault_corruption());
		return new CameraSettings(info, capabilities, sensor, configuration.scene_seed(), configuration.shake_pixels(),
				timing, faults, configuration.frame_buffers());
	}

	/** @return whether the size and format are among the camera's profiles */
	boolean offers(Size size, PixelFormat format) {
		return capabilities.profiles().contains(new HalProfile(size, format));
	}

	/** @return whether another configuration renders the same scene through the same sensor */
	boolean seesSameAs(CameraSettings other) {
		return sensor.equals(other.sensor) && sceneSeed == other.sceneSeed && shakePixels == other.shakePixels;
	}

	private static List<HalProfile> profiles(String[] sizes) {
		List<HalProfile> profiles = new ArrayList<>();
		for (String text : sizes) {
			Size size;
			try {
				size = Size.parse(text);
			} catch (CameraException e) {
				throw new IllegalArgumentException("profiles: " + e.getMessage(), e);
			}
			if (size.width() % 2 != 0 || size.height() % 2 != 0) {
				throw new IllegalArgumentException("profiles: a Bayer frame needs an even width and height, not " + size);
			}
			HalProfile profile = new HalProfile(size, PixelFormat.RAW_BAYER16);
			if (!profiles.contains(profile)) {
				profiles.add(profile);
			}
		}
		if (profiles.isEmpty()) {
			throw new IllegalArgumentException("profiles must name at least one size");
		}
		profiles.sort(Comparator.comparingLong((HalProfile p) -> p.size().pixels()).reversed());
		return profiles;
	}
}
