package camera.develop.internal.codec;

import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.RgbImage;

/**
 * The JPEG codec of the platform: libjpeg-turbo when {@code libturbojpeg.so.0} loads (Debian package
 * {@code libturbojpeg0}), ImageIO otherwise or when configured so; every file gets the EXIF segment. The active
 * encoder's {@link #name()} is what {@code camera:bench} and the logs show.
 */
@Component(service = JpegCodec.class, immediate = true, configurationPid = ExifJpegCodec.PID)
@Designate(ocd = ExifJpegCodec.Configuration.class)
public final class ExifJpegCodec implements JpegCodec {
	static final String PID = "camera.develop.jpeg";

	@ObjectClassDefinition(name = "Darkroom JPEG codec", description = "Which JPEG encoder writes photos.")
	public @interface Configuration {
		@AttributeDefinition(description = "Use the JDK's ImageIO writer even when libjpeg-turbo is installed.")
		boolean forceImageIO() default false;

		@AttributeDefinition(description = "Photos written in the background (phase 2) are rewritten losslessly as "
				+ "progressive JPEGs with optimised Huffman tables: the same pixels in about 6-10 % fewer bytes, for "
				+ "several times the encoding time. Off: every photo gets the standard tables.")
		boolean compactBackgroundPhotos() default true;
	}

	private final Optional<TurboJpegEncoder> turbo;
	private final Logger log;
	private volatile JpegEncoder active;
	private volatile boolean compact;

	@Activate
	public ExifJpegCodec(Configuration configuration,
			@Reference(service = LoggerFactory.class) Logger log) {
		this.log = log;
		this.turbo = TurboJpegEncoder.load();
		choose(configuration);
	}

	@Modified
	void modified(Configuration configuration) {
		choose(configuration);
	}

	@Deactivate
	public void deactivate() {
		turbo.ifPresent(TurboJpegEncoder::close);
	}

	@Override
	public String name() {
		return active.name();
	}

	@Override
	public byte[] encode(RgbImage image, int quality, ExifData exif) {
		return encodeWith(active, image, quality, exif, false);
	}

	@Override
	public byte[] encodeCompact(RgbImage image, int quality, ExifData exif) {
		return encodeWith(active, image, quality, exif, compact);
	}

	/** Checks the arguments and encodes with the EXIF segment every codec writes. */
	static byte[] encodeWith(JpegEncoder encoder, RgbImage image, int quality, ExifData exif, boolean compact) {
		Objects.requireNonNull(image, "image");
		if (quality < 1 || quality > 100) {
			throw new IllegalArgumentException("JPEG quality must be 1..100, not " + quality);
		}
		byte[] app1 = ExifSegment.app1(exif, image.width(), image.height());
		return compact ? encoder.encodeCompact(image, quality, app1) : encoder.encode(image, quality, app1);
	}

	private void choose(Configuration configuration) {
		JpegEncoder chosen;
		if (configuration.forceImageIO()) {
			chosen = new ImageIoJpegEncoder("forced by configuration");
		} else if (turbo.isPresent()) {
			chosen = turbo.get();
		} else {
			chosen = new ImageIoJpegEncoder(TurboJpegEncoder.LIBRARY + " not found");
		}
		active = chosen;
		compact = configuration.compactBackgroundPhotos();
		log.info("JPEG encoder: {}", chosen.name());
	}
}
