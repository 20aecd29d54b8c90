package camera.deferred.internal.jobs;

import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.RgbImage;

/** Writes "JPEG" bytes that say what was asked: the quality and the EXIF orientation. */
final class FakeCodec implements JpegCodec {
	volatile ExifData lastExif;
	volatile int lastQuality;

	@Override
	public String name() {
		return "fake";
	}

	@Override
	public byte[] encode(RgbImage image, int quality, ExifData exif) {
		lastExif = exif;
		lastQuality = quality;
		return ("JPEG " + image.width() + "x" + image.height() + " q" + quality).getBytes();
	}
}
