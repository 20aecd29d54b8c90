package camera.deferred.internal.codec;

import java.util.Objects;
import java.util.Optional;

import camera.deferred.internal.pipeline.RgbImage;

/**
 * A codec bound to one encoder whatever is installed or configured, so {@code camera:bench} can time
 * libjpeg-turbo and ImageIO side by side. Writes the same EXIF segment as {@link ExifJpegCodec}. Close it to free
 * the encoder's native memory.
 */
public final class SingleEncoderCodec implements JpegCodec, AutoCloseable {
	private final JpegEncoder encoder;

	private SingleEncoderCodec(JpegEncoder encoder) {
		this.encoder = encoder;
	}

	/** @return a codec on libjpeg-turbo, or empty when the library is not installed */
	public static Optional<SingleEncoderCodec> libjpegTurbo() {
		return TurboJpegEncoder.load().map(SingleEncoderCodec::new);
	}

	/** @return a codec on the JDK's ImageIO writer, which is always there */
	public static SingleEncoderCodec imageIo() {
		return new SingleEncoderCodec(new ImageIoJpegEncoder("chosen for comparison"));
	}

	@Override
	public String name() {
		return encoder.name();
	}

	@Override
	public byte[] encode(RgbImage image, int quality, ExifData exif) {
		Objects.requireNonNull(image, "image");
		if (quality < 1 || quality > 100) {
			throw new IllegalArgumentException("JPEG quality must be 1..100, not " + quality);
		}
		return encoder.encode(image, quality, ExifSegment.app1(exif));
	}

	@Override
	public void close() {
		encoder.close();
	}
}
