package camera.deferred.internal.framework;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import camera.api.CameraFormat;
import camera.api.Profile;
import camera.api.hal.HalCapabilities;
import camera.api.hal.HalProfile;
import camera.api.hal.PixelFormat;

/** Maps a camera's sensor profiles to the JPEG photo profiles apps see, and back. */
final class CameraProfiles {
	// Raw frames first: phase 2 develops best from them, and every delivery path can start from them.
	private static final List<PixelFormat> PREFERENCE = List.of(PixelFormat.RAW_BAYER16, PixelFormat.YUYV,
			PixelFormat.RGB888, PixelFormat.MJPEG);

	private CameraProfiles() {
	}

	/** @return one JPEG profile per distinct sensor size, largest first */
	static List<Profile> photoProfiles(HalCapabilities capabilities) {
		return capabilities.profiles()
			.stream()
			.filter(p -> PREFERENCE.contains(p.format()))
			.map(HalProfile::size)
			.distinct()
			.sorted(Comparator.comparingLong(camera.api.Size::pixels).reversed())
			.map(size -> new Profile(CameraFormat.JPEG, size))
			.toList();
	}

	/** @return the sensor profile that captures that photo profile, preferring raw frames */
	static Optional<HalProfile> sensorProfile(HalCapabilities capabilities, Profile profile) {
		return capabilities.profiles()
			.stream()
			.filter(p -> p.size().equals(profile.size()) && PREFERENCE.contains(p.format()))
			.min(Comparator.comparingInt(p -> PREFERENCE.indexOf(p.format())));
	}
}
