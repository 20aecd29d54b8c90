package camera.web.internal.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The configuration {@code camera.web}. Where the server listens is the HTTP service's own configuration (the
 * standard Felix properties {@code org.apache.felix.http.host}, default 127.0.0.1 in the distribution, and
 * {@code org.osgi.service.http.port}, default 8080, as framework properties or in the configuration
 * {@code org.apache.felix.http}).
 */
@ObjectClassDefinition(name = "Darkroom web gallery",
		description = "Who may use the web gallery and its JSON API.")
public @interface WebConfiguration {
	/** The configuration PID. */
	String PID = "camera.web";

	@AttributeDefinition(name = "Token", type = AttributeType.PASSWORD,
			description = "The token every request must carry as 'Authorization: Bearer <token>'; empty for none. "
					+ "While the HTTP server listens on anything but a loopback address the gallery serves nothing "
					+ "unless a token is set. There is no default token.")
	String token() default "";

}
