package camera.deferred.internal.development;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import camera.api.hal.RawFrame;
import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;

/**
 * This machine's lane: the bound {@link PhotoDeveloper} and {@link JpegCodec}, stoppable between tiles. Closing it
 * stops every development still running.
 */
public final class LocalLane implements DevelopmentLane, AutoCloseable {
	private final Supplier<PhotoDeveloper> developer;
	private final Supplier<JpegCodec> codec;
	private final Supplier<Integer> slots;
	private final StoppableDevelopment development = new StoppableDevelopment();

	/**
	 * @param developer the developer while bound, else null
	 * @param codec     the codec while bound, else null
	 * @param slots     the engine's worker count
	 */
	public LocalLane(Supplier<PhotoDeveloper> developer, Supplier<JpegCodec> codec, Supplier<Integer> slots) {
		this.developer = developer;
		this.codec = codec;
		this.slots = slots;
	}

	/** @return whether both development services are bound */
	public boolean ready() {
		return developer.get() != null && codec.get() != null;
	}

	@Override
	public String name() {
		return LOCAL;
	}

	@Override
	public boolean local() {
		return true;
	}

	@Override
	public int slots() {
		return slots.get();
	}

	@Override
	public DevelopedJpeg develop(String jobId, List<RawFrame> burst, int quality, ExifData exif,
			BooleanSupplier stop) {
		PhotoDeveloper photoDeveloper = developer.get();
		JpegCodec jpegCodec = codec.get();
		if (photoDeveloper == null || jpegCodec == null) {
			throw new LaneUnavailableException("the development services went away", null);
		}
		RgbImage image = development.developFull(photoDeveloper, burst, stop);
		if (stop.getAsBoolean()) {
			throw new CancellationException("job " + jobId + " was stopped after development");
		}
		return new DevelopedJpeg(jpegCodec.encodeCompact(image, quality, exif), image.width(), image.height());
	}

	@Override
	public void close() {
		development.close();
	}
}
