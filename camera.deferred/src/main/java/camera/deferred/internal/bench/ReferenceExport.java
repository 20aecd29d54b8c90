package camera.deferred.internal.bench;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import camera.api.Size;
import camera.api.hal.HalCamera;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.HalDevice;
import camera.api.hal.HalProfile;
import camera.api.hal.RawFrame;
import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;

/**
 * The noise-free reference of a camera, rendered through the pipeline's own output transform and encoded as a
 * JPEG, so a person can put it next to a photo and see what development lost.
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
	 * @throws IllegalArgumentException when the camera does not offer the size or has no reference
	 * @throws camera.api.CameraException when the camera cannot be opened (e.g. a session holds it)
	 */
	byte[] render(HalCamera camera, Size size) {
		String id = camera.info().id();
		HalProfile profile = camera.capabilities().profiles().stream()
			.filter(p -> p.size().equals(size))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("camera " + id + " does not offer " + size));
		RawFrame reference;
		try (HalDevice device = camera.open()) {
			reference = device.referenceFrame(new HalCaptureRequest(0, size, profile.format(), 1))
				.orElseThrow(() -> new IllegalArgumentException(
						"camera " + id + " has no noise-free reference: only simulated cameras have one"));
		}
		ExifData exif = new ExifData(Instant.now(), 1, camera.info().make(), camera.info().model(),
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
