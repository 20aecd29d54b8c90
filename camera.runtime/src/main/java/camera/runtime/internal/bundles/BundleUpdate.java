package camera.runtime.internal.bundles;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;

/**
 * Gogo's {@code update} for the exported jar. The bnd launcher installs the bundles it carries from paths inside
 * the jar ({@code jar/<file>.jar}), which are no URLs, so the framework command cannot read a bundle again from its
 * location and prints a stack trace. This command, ranked above it under the same name, reads such a bundle from
 * the jar and reports every failure in one line; for any other location it does what the framework command does.
 */
@Component(service = BundleUpdate.class, property = { "osgi.command.scope=felix", "osgi.command.function=update",
		Constants.SERVICE_RANKING + ":Integer=1" })
public final class BundleUpdate {
	private static final String EMBEDDED_FOLDER = "jar/";

	@Descriptor("reads a bundle again from where it was installed from, and restarts it if it was active")
	public void update(@Descriptor("the bundle: its id or symbolic name") Bundle bundle) {
		String location = bundle.getLocation();
		if (!location.startsWith(EMBEDDED_FOLDER)) {
			run(bundle, location, bundle::update);
			return;
		}
		InputStream content = ClassLoader.getSystemResourceAsStream(location);
		if (content == null) {
			fail(bundle, location, "it is not in the launcher's jar");
			return;
		}
		run(bundle, location, () -> bundle.update(content));
	}

	@Descriptor("replaces a bundle with the one at a URL, and restarts it if it was active")
	public void update(@Descriptor("the bundle: its id or symbolic name") Bundle bundle,
			@Descriptor("where to read the new bundle, e.g. file:/path/to/bundle.jar") String url) {
		InputStream content;
		try {
			content = new URI(url).toURL().openStream();
		} catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
			fail(bundle, url, "not a URL (e.g. file:/path/to/bundle.jar)");
			return;
		} catch (IOException e) {
			fail(bundle, url, "cannot be read: " + e.getMessage());
			return;
		}
		run(bundle, url, () -> bundle.update(content));
	}

	private interface Update {
		void run() throws BundleException;
	}

	private static void run(Bundle bundle, String source, Update update) {
		try {
			update.run();
			System.out.println("updated " + bundle.getSymbolicName() + " from " + source);
		} catch (BundleException | IllegalStateException e) {
			fail(bundle, source, e.getMessage());
		}
	}

	private static void fail(Bundle bundle, String source, String reason) {
		System.err.println("cannot update " + bundle.getSymbolicName() + " from " + source + ": " + reason);
	}
}
