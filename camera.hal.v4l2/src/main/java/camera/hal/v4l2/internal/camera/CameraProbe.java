package camera.hal.v4l2.internal.camera;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import camera.api.CameraPosition;
import camera.api.CameraType;
import camera.api.ConnectionType;
import camera.api.Size;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.HalProfile;
import camera.api.hal.PixelFormat;
import camera.hal.v4l2.internal.device.V4l2Requests;
import camera.hal.v4l2.internal.device.VideoDevice;
import camera.hal.v4l2.internal.device.VideoDevice.Capability;

/** Asks a device node who it is and what it captures; only video capture nodes become cameras. */
public final class CameraProbe {
	private CameraProbe() {
	}

	/** What a probe found: the camera's identity and its profiles with the driver's fourcc for each. */
	public record Probed(HalCameraInfo info, Map<HalProfile, Integer> profiles) {
	}

	/** @return the camera on this device, or empty when it does not capture video in a format the HAL delivers */
	public static Optional<Probed> probe(VideoDevice device) {
		Capability capability = device.queryCapability();
		if (!capability.capturesVideo()) {
			return Optional.empty();
		}
		Map<HalProfile, Integer> profiles = new LinkedHashMap<>();
		for (int fourcc : device.pixelFormats()) {
			pixelFormat(fourcc).ifPresent(format -> {
				for (Size size : device.frameSizes(fourcc)) {
					profiles.putIfAbsent(new HalProfile(size, format), fourcc);
				}
			});
		}
		if (profiles.isEmpty()) {
			return Optional.empty();
		}
		Map<HalProfile, Integer> largestFirst = new LinkedHashMap<>();
		profiles.entrySet().stream()
				.sorted(Comparator.comparingLong((Map.Entry<HalProfile, Integer> e) -> e.getKey().size().pixels())
						.reversed())
				.forEach(e -> largestFirst.put(e.getKey(), e.getValue()));
		return Optional.of(new Probed(info(device.path(), capability), largestFirst));
	}

	static Optional<PixelFormat> pixelFormat(int fourcc) {
		if (fourcc == V4l2Requests.PIX_FMT_YUYV) {
			return Optional.of(PixelFormat.YUYV);
		}
		if (fourcc == V4l2Requests.PIX_FMT_MJPEG || fourcc == V4l2Requests.PIX_FMT_JPEG) {
			return Optional.of(PixelFormat.MJPEG);
		}
		return Optional.empty();
	}

	private static HalCameraInfo info(String path, Capability capability) {
		String node = path.substring(path.lastIndexOf('/') + 1);
		ConnectionType connection = capability.busInfo().startsWith("usb-") ? ConnectionType.USB_PLUGIN
				: ConnectionType.BUILT_IN;
		return new HalCameraInfo("v4l2-" + node, capability.card() + " (" + node + ")", "v4l2",
				CameraPosition.UNSPECIFIED, CameraType.DEFAULT, connection, capability.driver(), capability.card());
	}
}
