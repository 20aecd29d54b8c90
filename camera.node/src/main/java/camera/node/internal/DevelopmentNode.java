package camera.node.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import camera.develop.remote.NodeAddress;
import camera.develop.remote.RemoteDeveloper;
import camera.develop.remote.SharedSecret;

/**
 * The development node: exports this machine's {@link PhotoDeveloper} and {@link JpegCodec} to devices as a
 * {@link RemoteDeveloper}, through Aries RSA's TCP provider, once it has a shared secret. Without one it exports
 * nothing and says so: there is no default secret. It binds its listen host only, loopback by default, through
 * the {@link ListenHostWeaver}.
 */
@Component(name = DevelopmentNode.PID, configurationPid = DevelopmentNode.PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = DevelopmentNode.class)
@Designate(ocd = DevelopmentNode.Config.class)
public final class DevelopmentNode {
	public static final String PID = "camera.node";
	/** Framework property read when {@link Config#listen()} is empty. */
	static final String LISTEN_PROPERTY = "darkroom.node.listen";
	/** Framework property read when {@link Config#secretFile()} is empty. */
	static final String SECRET_FILE_PROPERTY = "darkroom.node.secret.file";
	/** Aries RSA's TCP provider: its configuration type and the endpoint properties it reads. */
	static final String ARIES_TCP = "aries.tcp";

	@ObjectClassDefinition(name = "Development node",
			description = "Serves full development of raw bursts to devices, as an OSGi remote service.")
	public @interface Config {
		@AttributeDefinition(description = "HOST:PORT the node listens on, bound on that host's address only (0.0.0.0:PORT: every interface); empty takes the framework property darkroom.node.listen, else 127.0.0.1:7700 (loopback).")
		String listen() default "";

		@AttributeDefinition(description = "File holding the shared secret (at least 16 characters) devices prove; empty takes the framework property darkroom.node.secret.file. There is no default: without a secret the node serves nothing.")
		String secretFile() default "";

		@AttributeDefinition(min = "1", description = "Orders developed at once; each development uses every core, so more than one only overlaps transfers.")
		int slots() default 1;

		@AttributeDefinition(min = "1", description = "Connections served at once, developing or waiting for a slot.")
		int connections() default 8;

		@AttributeDefinition(description = "The node's name in the devices' statistics; empty: its listen address.")
		String name() default "";
	}

	private final NodeStatistics statistics = new NodeStatistics();
	private final Logger log;
	private final NodeAddress listen;
	private final String name;
	private final int slots;
	private final ServiceRegistration<RemoteDeveloper> registration;

	@Activate
	public DevelopmentNode(BundleContext context, Config config, @Reference PhotoDeveloper developer,
			@Reference JpegCodec codec, @Reference ListenHostWeaver weaver,
			@Reference(service = LoggerFactory.class) Logger log) {
		this.log = log;
		this.listen = NodeAddress.parse(or(config.listen(), context.getProperty(LISTEN_PROPERTY),
				NodeAddress.LOOPBACK.toString()));
		this.name = or(config.name(), listen.toString());
		this.slots = Math.max(1, config.slots());
		SharedSecret secret = secret(or(config.secretFile(), context.getProperty(SECRET_FILE_PROPERTY)));
		InetAddress bound = address(listen);
		if (secret == null || bound == null) {
			registration = null;
			return;
		}
		if (!bound.isAnyLocalAddress()) {
			weaver.unbound(context).ifPresent(why -> log.error("development node {} listens on every interface, not "
					+ "only {}: Aries RSA's TCPServer {}; only the shared secret refuses other machines", name,
					listen.host(), why));
		}
		SerialFilter.install(log);
		Hashtable<String, Object> properties = new Hashtable<>();
		properties.put("service.exported.interfaces", RemoteDeveloper.class.getName());
		properties.put("service.exported.configs", ARIES_TCP);
		properties.put("aries.rsa.hostname", listen.host());
		properties.put("aries.rsa.port", Integer.toString(listen.port()));
		properties.put("aries.rsa.numThreads", Integer.toString(Math.max(1, config.connections())));
		registration = context.registerService(RemoteDeveloper.class,
				new NodeService(name, slots, secret, developer, codec, statistics, log), properties);
		log.info("development node {} serves devices at {} with {} slots{}", name, listen, slots,
				listen.loopback() ? "" : "; it is reachable from other machines, which must prove the shared secret");
	}

	private SharedSecret secret(String file) {
		if (file == null) {
			log.error("development node serves nothing: no shared secret is configured (set {} or the secretFile "
					+ "of configuration {} to a file holding at least {} characters)", SECRET_FILE_PROPERTY, PID,
					SharedSecret.MINIMUM_LENGTH);
			return null;
		}
		try {
			return SharedSecret.read(Path.of(file));
		} catch (IOException | IllegalArgumentException e) {
			log.error("development node serves nothing: its shared secret file {} is not usable: {}", file,
					e.getMessage());
			return null;
		}
	}

	private InetAddress address(NodeAddress listen) {
		try {
			return InetAddress.getByName(listen.host());
		} catch (UnknownHostException e) {
			log.error("development node serves nothing: it cannot listen on {}, an unknown host", listen);
			return null;
		}
	}

	@Deactivate
	void deactivate() {
		if (registration != null) {
			registration.unregister();
		}
	}

	/** @return what {@code node:stats} shows */
	NodeReport report() {
		return new NodeReport(name, listen, registration != null, slots, Runtime.getRuntime().availableProcessors(),
				statistics.snapshot());
	}

	private static String or(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		return null;
	}
}
