package camera.web.internal.api;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.google.gson.JsonParseException;

import camera.api.CameraDevice;
import camera.api.CameraException;
import camera.api.CameraManager;
import camera.api.Profile;
import camera.api.SceneMode;
import camera.api.Size;
import camera.web.internal.capture.CaptureFailure;
import camera.web.internal.capture.CaptureMode;
import camera.web.internal.capture.CaptureRun;
import camera.web.internal.capture.CapturedPhoto;
import camera.web.internal.json.Json;

/** {@code /api/cameras} and {@code /api/captures}: the cameras available now, and taking photos with them. */
final class CameraResources {
	static final int MAX_COUNT = 30;

	private final PlatformServices services;
	private final Duration captureTimeout;

	CameraResources(PlatformServices services, Duration captureTimeout) {
		this.services = services;
		this.captureTimeout = captureTimeout;
	}

	/** A camera with the photo sizes it offers, largest first. */
	record CameraView(String id, String name, String position, String type, String connection, String hal,
			List<String> sizes) {
	}

	/** The body of {@code POST /api/captures}; every field may be left out. */
	record CaptureBody(String camera, String mode, Integer count, String size) {
	}

	/** One photo taken. */
	record CaptureView(int captureId, long latencyMs, AssetView asset) {
	}

	/** What a capture request answers. */
	record Captures(String camera, String mode, String size, List<CaptureView> captures) {
	}

	ApiReply cameras() {
		CameraManager manager = services.cameras();
		return ApiReply.json(manager.getSupportedCameras().stream().map(c -> view(manager, c)).toList());
	}

	ApiReply capture(ApiRequest request) throws InterruptedException {
		CaptureBody body = body(request.body());
		CaptureMode mode = body.mode() == null ? CaptureMode.DEFERRED
				: CaptureMode.parse(body.mode()).orElseThrow(() -> new ApiError(WebErrorCode.INVALID_REQUEST,
						"mode must be 'deferred', 'single' or 'proxy', not '" + AssetAddress.printable(body.mode()) + "'"));
		int count = body.count() == null ? 1 : body.count();
		if (count < 1 || count > MAX_COUNT) {
			throw new ApiError(WebErrorCode.INVALID_REQUEST, "count must be from 1 to " + MAX_COUNT + ", not " + count);
		}
		Size size = body.size() == null ? null : size(body.size());
		CameraManager manager = services.cameras();
		CameraDevice camera = camera(manager, body.camera());
		Profile profile = profile(manager, camera, size);
		List<CapturedPhoto> photos;
		try {
			photos = new CaptureRun(manager, services.library(), captureTimeout).run(camera, profile, mode, count);
		} catch (CaptureFailure e) {
			throw new ApiError(e.timedOut() ? WebErrorCode.CAPTURE_TIMEOUT : WebErrorCode.INVALID_REQUEST,
					e.getMessage());
		}
		return ApiReply.json(201, new Captures(camera.cameraId(), mode.label(), profile.size().toString(),
				photos.stream().map(p -> new CaptureView(p.captureId(), p.latencyMillis(), AssetView.of(p.asset())))
					.toList()));
	}

	private static CaptureBody body(String text) {
		if (text == null || text.isBlank()) {
			return new CaptureBody(null, null, null, null);
		}
		try {
			return Json.read(text, CaptureBody.class);
		} catch (JsonParseException | IllegalStateException | NumberFormatException e) {
			throw new ApiError(WebErrorCode.INVALID_REQUEST,
					"the body is not a capture request {\"camera\":…, \"mode\":…, \"count\":…, \"size\":\"WxH\"}: "
							+ firstLine(e.getMessage()));
		}
	}

	private static Size size(String text) {
		try {
			return Size.parse(text);
		} catch (CameraException e) {
			throw new ApiError(WebErrorCode.INVALID_REQUEST, e.getMessage());
		}
	}

	private static CameraDevice camera(CameraManager manager, String id) {
		List<CameraDevice> devices = manager.getSupportedCameras();
		if (devices.isEmpty()) {
			throw new ApiError(WebErrorCode.SERVICE_UNAVAILABLE, "no camera is available now");
		}
		if (id == null || id.isEmpty()) {
			return devices.getFirst();
		}
		return devices.stream()
			.filter(d -> d.cameraId().equals(id))
			.findFirst()
			.orElseThrow(() -> new ApiError(WebErrorCode.UNKNOWN_CAMERA, "no camera '" + AssetAddress.printable(id)
					+ "': the cameras are " + devices.stream().map(CameraDevice::cameraId).collect(Collectors.joining(", "))));
	}

	private static Profile profile(CameraManager manager, CameraDevice camera, Size size) {
		List<Profile> profiles = manager.getSupportedOutputCapability(camera, SceneMode.NORMAL_PHOTO).photoProfiles();
		if (profiles.isEmpty()) {
			throw new ApiError(WebErrorCode.UNSUPPORTED_SIZE, "camera '" + camera.cameraId() + "' offers no photo size");
		}
		if (size == null) {
			return profiles.getFirst();
		}
		return profiles.stream()
			.filter(p -> p.size().equals(size))
			.findFirst()
			.orElseThrow(() -> new ApiError(WebErrorCode.UNSUPPORTED_SIZE, "camera '" + camera.cameraId()
					+ "' cannot take " + size + " photos; its sizes are " + sizes(profiles).stream()
						.collect(Collectors.joining(", "))));
	}

	private static CameraView view(CameraManager manager, CameraDevice camera) {
		List<String> sizes;
		try {
			sizes = sizes(manager.getSupportedOutputCapability(camera, SceneMode.NORMAL_PHOTO).photoProfiles());
		} catch (CameraException e) {
			sizes = List.of(); // the camera went away while it was listed
		}
		return new CameraView(camera.cameraId(), camera.name(), String.valueOf(camera.position()),
				String.valueOf(camera.type()), String.valueOf(camera.connectionType()), camera.hal(), sizes);
	}

	private static List<String> sizes(List<Profile> profiles) {
		return profiles.stream().map(p -> p.size().toString()).distinct().toList();
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "malformed JSON";
		}
		int end = text.indexOf('\n');
		String line = end < 0 ? text : text.substring(0, end);
		return line.replaceFirst("^([a-z]\\w*\\.)+\\w+(Exception|Error): ", "");
	}
}
