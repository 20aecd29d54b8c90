package camera.deferred.internal.jobs;

import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.RgbImage;

/** Writes "JPEG" bytes that say what was asked: the quality and the EXIF orientation; records the encoding. */
final class FakeCodec implements JpegCodec {
	volatile ExifData lastExif;
	volatile int lastQuality;
	volatile boolean lastCompact;

	@Override
	public String name() {
		return "fake";
	}

	@Override
	public byte[] encode(RgbImage image, int quality, ExifData exif) {
		lastCompact = false;
		return written(image, quality, exif);
	}

	@Override
	public byte[] encodeCompact(RgbImage image, int quality, ExifData exif) {
		lastCompact = true;
		return written(image, quality, exif);
	}

	private byte[] written(RgbImage image, int quality, ExifData exif) {
		lastExif = exif;
		lastQuality = quality;
		return ("JPEG " + image.width() + "x" + image.height() + " q" + quality).getBytes();
	}
}
