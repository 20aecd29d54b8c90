package camera.develop;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Encodes developed images as JPEG with EXIF. Thread-safe.
 * <p>
 * camera.develop registers the platform's codec (libjpeg-turbo where it is installed, ImageIO otherwise; its
 * {@link #name()} says which) and, with a lower service ranking, an ImageIO codec for comparison, whose
 * {@link #ENCODER} property is {@link #IMAGEIO}. A plain reference gets the platform's codec.
 */
@ProviderType
public interface JpegCodec {
	/** Service property of a codec bound to one encoder whatever is installed or configured. */
	String ENCODER = "jpeg.encoder";
	/** {@link #ENCODER} of the codec on the JDK's ImageIO writer. */
	String IMAGEIO = "imageio";
	/** What the platform codec's {@link #name()} starts with when libjpeg-turbo encodes. */
	String LIBJPEG_TURBO_NAME = "libjpeg-turbo";

	/** @return which encoder is active, e.g. {@code libjpeg-turbo (TurboJPEG 2 library)} or {@code ImageIO (...)} */
	String name();

	/**
	 * @param quality 1..100
	 * @return a complete JPEG file with an APP1 EXIF segment
	 * @throws IllegalArgumentException for a quality outside 1..100
	 */
	byte[] encode(RgbImage image, int quality, ExifData exif);

	/**
	 * As {@link #encode}, for photos written in the background: the same pixels in fewer bytes (a progressive
	 * JPEG with optimised Huffman tables), at the cost of more encoding time. A codec that cannot do better
	 * returns what {@link #encode} gives.
	 *
	 * @param quality 1..100
	 * @return a complete JPEG file with an APP1 EXIF segment
	 * @throws IllegalArgumentException for a quality outside 1..100
	 */
	default byte[] encodeCompact(RgbImage image, int quality, ExifData exif) {
		return encode(image, quality, exif);
	}
}
