package camera.develop.internal.codec;

import camera.develop.RgbImage;

/** One way of producing JPEG bytes; {@link ExifJpegCodec} picks one. Thread-safe. */
interface JpegEncoder extends AutoCloseable {

	/** @return what users see as the active encoder */
	String name();

	/**
	 * @param quality 1..100
	 * @param app1    the EXIF segment to place after SOI (and JFIF APP0)
	 * @return a complete JPEG file
	 */
	byte[] encode(RgbImage image, int quality, byte[] app1);

	/** As {@link #encode}, progressive with optimised Huffman tables: the same quality in fewer bytes, slower. */
	byte[] encodeCompact(RgbImage image, int quality, byte[] app1);

	/** Releases native resources; the encoder is unusable afterwards. */
	@Override
	void close();
}
