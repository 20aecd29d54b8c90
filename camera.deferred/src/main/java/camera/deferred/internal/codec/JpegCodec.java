package camera.deferred.internal.codec;

import camera.deferred.internal.pipeline.RgbImage;

/** Encodes developed images as JPEG with EXIF. Thread-safe; a DS service inside camera.deferred. */
public interface JpegCodec {

	/** @return which encoder is active, e.g. {@code libjpeg-turbo 2.1.5} or {@code ImageIO (fallback)} */
	String name();

	/**
	 * @param quality 1..100
	 * @return a complete JPEG file with an APP1 EXIF segment
	 */
	byte[] encode(RgbImage image, int quality, ExifData exif);
}
