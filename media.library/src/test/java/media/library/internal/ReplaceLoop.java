package media.library.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import media.library.ImageFileType;
import media.library.MediaAssetChangeRequest;
import media.library.PhotoAsset;
import media.library.processing.CameraPhoto;

/**
 * The child process of {@link CrashConsistencyTest}: creates camera assets and replaces their FAST image by the
 * FULL one, in a loop, until it is killed. It prints each asset's URI when created and a line per replacement.
 */
public final class ReplaceLoop {
	private ReplaceLoop() {
	}

	/** @param args the data folder and a prefix for job ids */
	public static void main(String[] args) throws Exception {
		Path data = Path.of(args[0]);
		String prefix = args[1];
		Path full = Files.createTempFile(data, "full-", ".jpg");
		Files.write(full, TestImages.jpeg(160, 120, TestImages.FULL_LEVEL));
		byte[] fast = TestImages.jpeg(160, 120, TestImages.FAST_LEVEL);
		PhotoLibrary library = new PhotoLibrary(data, LibraryFixture.SETTINGS, new SilentLogger().logger(),
				Clock.systemUTC());
		for (int i = 0;; i++) {
			String jobId = prefix + "-" + i;
			PhotoAsset asset = library.createCameraAsset(new CameraPhoto(jobId, fast, 160, 120, Instant.now()));
			System.out.println("created " + asset.uri());
			library.applyChanges(new MediaAssetChangeRequest(asset).saveCameraPhoto(ImageFileType.JPEG));
			library.completeDeferredPhoto(jobId, full, 160, 120);
			System.out.println("replaced " + i);
		}
	}
}
