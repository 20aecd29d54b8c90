package camera.deferred.internal.development;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The one configuration of the JPEG qualities, read by the capture path and by the deferred engine alike, so a
 * photo of one quality level is encoded the same whichever path writes it. A change applies to the next photo;
 * a value outside 1..100 is refused with the reason logged and the previous qualities stay.
 */
@Component(service = JpegQualityConfiguration.class, configurationPid = JpegQualityConfiguration.PID,
		immediate = true)
@Designate(ocd = JpegQualityConfiguration.Config.class)
public final class JpegQualityConfiguration {
	/** The configuration PID. */
	public static final String PID = "camera.deferred.quality";

	@ObjectClassDefinition(name = "Darkroom JPEG qualities",
			description = "The JPEG quality of each kind of photo, for the capture path and phase 2 alike.")
	public @interface Config {
		@AttributeDefinition(description = "JPEG quality (1-100) of first-phase images and proxy thumbnails.",
				min = "1", max = "100")
		int fastQuality() default 80;

		@AttributeDefinition(description = "JPEG quality (1-100) of full images captured at quality HIGH.",
				min = "1", max = "100")
		int highQuality() default 95;

		@AttributeDefinition(description = "JPEG quality (1-100) of full images captured at quality MEDIUM.",
				min = "1", max = "100")
		int mediumQuality() default 85;

		@AttributeDefinition(description = "JPEG quality (1-100) of full images captured at quality LOW.",
				min = "1", max = "100")
		int lowQuality() default 70;
	}

	private final Logger log;
	private volatile JpegQualities current = JpegQualities.DEFAULTS;

	@Activate
	public JpegQualityConfiguration(Config config, @Reference(service = LoggerFactory.class) Logger log) {
		this.log = log;
		modified(config);
	}

	@Modified
	void modified(Config config) {
		try {
			current = new JpegQualities(config.fastQuality(), config.highQuality(), config.mediumQuality(),
					config.lowQuality());
		} catch (IllegalArgumentException e) {
			log.error("JPEG quality configuration refused, keeping {}: {}", current, e.getMessage());
		}
	}

	/** @return the qualities configured now */
	public JpegQualities current() {
		return current;
	}
}
