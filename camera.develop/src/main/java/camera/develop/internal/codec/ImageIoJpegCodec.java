package camera.develop.internal.codec;

import org.osgi.service.component.annotations.Component;

import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.RgbImage;

/**
 * A codec on the JDK's ImageIO writer whatever is installed or configured, ranked below the platform's codec, so
 * that {@code camera:bench} can time it beside libjpeg-turbo.
 */
@Component(service = JpegCodec.class, property = { JpegCodec.ENCODER + "=" + JpegCodec.IMAGEIO,
		"service.ranking:Integer=-100" })
public final class ImageIoJpegCodec implements JpegCodec {
	private final JpegEncoder encoder = new ImageIoJpegEncoder("chosen for comparison");

	@Override
	public String name() {
		return encoder.name();
	}

	@Override
	public byte[] encode(RgbImage image, int quality, ExifData exif) {
		return ExifJpegCodec.encodeWith(encoder, image, quality, exif, false);
	}

	@Override
	public byte[] encodeCompact(RgbImage image, int quality, ExifData exif) {
		return ExifJpegCodec.encodeWith(encoder, image, quality, exif, true);
	}
}
