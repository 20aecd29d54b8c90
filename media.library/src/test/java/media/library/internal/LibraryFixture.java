package media.library.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import media.library.ImageFileType;
import media.library.MediaAssetChangeRequest;
import media.library.PhotoAsset;
import media.library.internal.assets.LibrarySettings;
import media.library.processing.CameraPhoto;

/** A library in a temporary data folder with recording fakes around it. */
public final class LibraryFixture implements AutoCloseable {
	public static final LibrarySettings SETTINGS = new LibrarySettings(Duration.ofMinutes(10), 64,
			Duration.ofMillis(200));

	public final Path data;
	public final MutableClock clock = new MutableClock();
	public final SilentLogger log = new SilentLogger();
	public final RecordingEventAdmin events = new RecordingEventAdmin();
	public PhotoLibrary library;
	private final AtomicInteger files = new AtomicInteger();

	public LibraryFixture(Path data) {
		this.data = data;
		open();
	}

	/** Opens (again) the library on the same folder. */
	public void open() {
		library = new PhotoLibrary(data, SETTINGS, log.logger(), clock);
		library.bindEventAdmin(events);
	}

	/** Closes and reopens the library, as a restart does. */
	public void reopen() {
		library.close();
		open();
	}

	public PhotoAsset cameraAsset(String jobId) {
		return library.createCameraAsset(new CameraPhoto(jobId, TestImages.fast(), 32, 24, Instant.now(clock)));
	}

	public PhotoAsset savedCameraAsset(String jobId) {
		return library.applyChanges(new MediaAssetChangeRequest(cameraAsset(jobId)).saveCameraPhoto(ImageFileType.JPEG));
	}

	/** @return a file holding a FULL image, outside the library folder */
	public Path fullImageFile() throws IOException {
		Path file = data.resolve("developed-" + files.incrementAndGet() + ".jpg");
		Files.write(file, TestImages.full());
		return file;
	}

	/** @return the bytes of an asset's file on disk */
	public byte[] fileOf(PhotoAsset asset) throws IOException {
		return Files.readAllBytes(data.resolve("media/Photo").resolve(Long.toString(asset.id())).resolve(asset.displayName()));
	}

	@Override
	public void close() {
		library.close();
	}
}
