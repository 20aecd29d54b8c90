package camera.web.internal.api;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The configuration {@code camera.web.api}: how long the API's requests wait for the platform. */
@ObjectClassDefinition(name = "Darkroom web API", description = "How long the web API's requests wait for the platform.")
public @interface ApiConfiguration {
	/** The configuration PID. */
	String PID = "camera.web.api";

	@AttributeDefinition(name = "Capture timeout seconds", min = "1",
			description = "Seconds a capture request waits for each event of a capture before it gives up.")
	int captureTimeoutSeconds() default 30;

	@AttributeDefinition(name = "Image timeout seconds", min = "1",
			description = "Seconds an image request waits for the library to read the image.")
	int imageTimeoutSeconds() default 30;
}
