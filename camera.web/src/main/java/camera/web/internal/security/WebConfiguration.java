package camera.web.internal.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The configuration {@code camera.web}. Where the server listens is the HTTP service's own configuration, and
 * only there (the standard Felix properties {@code org.apache.felix.http.host}, default 127.0.0.1 in the
 * distribution, and {@code org.osgi.service.http.port}, default 8080, as framework properties or in the
 * configuration {@code org.apache.felix.http}, which Felix describes with its own Metatype): the server binds the
 * socket, so a copy here could only disagree with it.
 */
@ObjectClassDefinition(name = "Darkroom web gallery",
		description = "Who may use the web gallery and its JSON API.")
public @interface WebConfiguration {
	/** The configuration PID. */
	String PID = "camera.web";

	@AttributeDefinition(name = "Token", type = AttributeType.PASSWORD,
			description = "The token every request must carry as 'Authorization: Bearer <token>', or a browser "
					+ "types once on the gallery's login page; empty for none. While the HTTP server listens on "
					+ "anything but a loopback address the gallery serves nothing unless a token is set. There is no "
					+ "default token.")
	String token() default "";

}
