package camera.bench.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import camera.api.Size;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.RawFrame;
import camera.api.hal.SimulatedScene;
import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;

/**
 * The noise-free reference of a simulated camera, rendered through the pipeline's own output transform and
 * encoded as a JPEG, so a person can put it next to a photo and see what development lost.
 */
final class ReferenceExport {
	private static final int QUALITY = 95;

	private final PhotoDeveloper developer;
	private final JpegCodec codec;

	ReferenceExport(PhotoDeveloper developer, JpegCodec codec) {
		this.developer = developer;
		this.codec = codec;
	}

	/**
	 * @param cameraId the camera whose scene to take, or empty for the first
	 * @return the scene of that camera among the simulated cameras' scenes
	 * @throws IllegalArgumentException with one readable line when there is no such scene
	 */
	static SimulatedScene sceneOf(List<SimulatedScene> scenes, String cameraId) {
		if (scenes.isEmpty()) {
			throw new IllegalArgumentException(
					"no simulated camera is running: only a simulated camera has a noise-free reference");
		}
		if (cameraId.isEmpty()) {
			return scenes.get(0);
		}
		return scenes.stream()
			.filter(scene -> scene.camera().id().equals(cameraId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("camera '" + cameraId + "' has no noise-free reference: "
					+ "only simulated cameras have one, and they are "
					+ String.join(", ", scenes.stream().map(scene -> scene.camera().id()).toList())));
	}

	/**
	 * @throws camera.api.CameraException INVALID_ARGUMENT when the camera does not offer the size, DEVICE_DISABLED
	 *         when it is stopping
	 */
	byte[] render(SimulatedScene scene, Size size) {
		HalCameraInfo camera = scene.camera();
		RawFrame reference = scene.render(size, 1).reference();
		ExifData exif = new ExifData(Instant.now(), 1, camera.make(), camera.model(),
				reference.metadata().exposureNanos(), reference.metadata().iso(), null);
		return codec.encode(developer.renderReference(reference), QUALITY, exif);
	}

	/** Writes the file whole or not at all; an existing file is never replaced. */
	static void write(byte[] jpeg, Path target) throws IOException {
		if (Files.exists(target)) {
			throw new FileAlreadyExistsException(target.toString(), null, "it exists already");
		}
		Path parent = target.toAbsolutePath().getParent();
		Path partial = Files.createTempFile(parent, ".reference-", ".part");
		try {
			Files.write(partial, jpeg);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(partial);
		}
	}
}
