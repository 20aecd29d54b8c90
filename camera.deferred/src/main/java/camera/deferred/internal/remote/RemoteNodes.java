package camera.deferred.internal.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import camera.develop.remote.NodeAddress;
import camera.develop.remote.RemoteDeveloper;
import camera.develop.remote.SharedSecret;

/**
 * The development nodes this device uses. For each configured node it writes an endpoint description for Aries
 * RSA's configuration discovery, which makes the topology manager import the node's {@link RemoteDeveloper}; each
 * imported proxy becomes a {@link NodeLink}, whose lane the engine binds while the node answers. Without a shared
 * secret no node is imported.
 */
@Component(name = RemoteNodes.PID, configurationPid = RemoteNodes.PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = RemoteNodes.class)
@Designate(ocd = RemoteNodes.Config.class)
public final class RemoteNodes {
	public static final String PID = "camera.deferred.remote";
	/** Framework property read when {@link Config#nodes()} is empty. */
	static final String NODES_PROPERTY = "darkroom.remote.nodes";
	/** Framework property read when {@link Config#secretFile()} is empty. */
	static final String SECRET_FILE_PROPERTY = "darkroom.remote.secret.file";
	/** Aries RSA's configuration discovery: one factory configuration per endpoint. */
	static final String DISCOVERY_FACTORY_PID = "org.apache.aries.rsa.discovery.config";
	/** Property of the endpoints this component wrote: the node's address, which names its lane. */
	static final String NODE_PROPERTY = "darkroom.remote.node";

	@ObjectClassDefinition(name = "Deferred processing: development nodes",
			description = "Other machines that develop phase 2 of this device's photos (camera.app's darkroom-node.jar).")
	public @interface Config {
		@AttributeDefinition(description = "Nodes as HOST:PORT, separated by commas; empty takes the framework property darkroom.remote.nodes, else none.")
		String nodes() default "";

		@AttributeDefinition(description = "File holding the shared secret the nodes were given (at least 16 characters); empty takes the framework property darkroom.remote.secret.file. There is no default: without it no node is used.")
		String secretFile() default "";

		@AttributeDefinition(min = "1", description = "Longest one call to a node may take, in seconds, before it counts as unreachable; the engine's job timeout applies as well.")
		long callTimeoutSeconds() default 300;

		@AttributeDefinition(min = "1", description = "Seconds between two questions to a node that does not answer.")
		long probeSeconds() default 2;
	}

	private final BundleContext context;
	private final ConfigurationAdmin configurations;
	private final Logger log;
	private final SharedSecret secret;
	private final Duration probeInterval;
	private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "darkroom-remote-probes");
		thread.setDaemon(true);
		return thread;
	});
	/**
	 * By node address: an imported proxy forwards even {@code hashCode} and {@code equals} to its node, so it is
	 * never a key.
	 */
	private final Map<String, NodeLink> links = new ConcurrentHashMap<>();

	@Activate
	public RemoteNodes(BundleContext context, Config config, @Reference ConfigurationAdmin configurations,
			@Reference(service = LoggerFactory.class) Logger log) {
		this.context = context;
		this.configurations = configurations;
		this.log = log;
		this.probeInterval = Duration.ofSeconds(Math.max(1, config.probeSeconds()));
		List<NodeAddress> nodes = nodes(or(config.nodes(), context.getProperty(NODES_PROPERTY)));
		this.secret = nodes.isEmpty() ? null : secret(or(config.secretFile(), context.getProperty(SECRET_FILE_PROPERTY)));
		publishEndpoints(secret == null ? List.of() : nodes, Duration.ofSeconds(config.callTimeoutSeconds()));
	}

	private List<NodeAddress> nodes(String text) {
		Set<NodeAddress> nodes = new LinkedHashSet<>();
		if (text != null) {
			for (String item : text.split(",")) {
				if (item.isBlank()) {
					continue;
				}
				try {
					nodes.add(NodeAddress.parse(item));
				} catch (IllegalArgumentException e) {
					log.error("development node '{}' ignored: {}", item.strip(), e.getMessage());
				}
			}
		}
		return List.copyOf(nodes);
	}

	private SharedSecret secret(String file) {
		if (file == null) {
			log.error("no development node is used: no shared secret is configured (set {} or the secretFile of "
					+ "configuration {})", SECRET_FILE_PROPERTY, PID);
			return null;
		}
		try {
			return SharedSecret.read(Path.of(file));
		} catch (IOException | IllegalArgumentException e) {
			log.error("no development node is used: the shared secret file {} is not usable: {}", file,
					e.getMessage());
			return null;
		}
	}

	/** Writes one endpoint per node and deletes the endpoints of nodes no longer configured. */
	private void publishEndpoints(List<NodeAddress> nodes, Duration callTimeout) {
		try {
			Map<String, Configuration> existing = new ConcurrentHashMap<>();
			for (Configuration configuration : written()) {
				existing.put(String.valueOf(configuration.getProperties().get(NODE_PROPERTY)), configuration);
			}
			for (NodeAddress node : nodes) {
				Configuration configuration = existing.remove(node.toString());
				if (configuration == null) {
					configuration = configurations.createFactoryConfiguration(DISCOVERY_FACTORY_PID, "?");
				}
				configuration.update(endpoint(node, callTimeout));
				log.info("development node {} is imported through Aries RSA", node);
			}
			for (Configuration stale : existing.values()) {
				stale.delete();
			}
		} catch (IOException | InvalidSyntaxException e) {
			log.error("the development nodes' endpoints could not be written: {}", e.toString());
		}
	}

	private List<Configuration> written() throws IOException, InvalidSyntaxException {
		Configuration[] found = configurations.listConfigurations("(" + NODE_PROPERTY + "=*)");
		return found == null ? List.of() : List.of(found);
	}

	/** The endpoint description Aries RSA imports: its TCP provider reads the address from the endpoint id. */
	private static Hashtable<String, Object> endpoint(NodeAddress node, Duration callTimeout) {
		Hashtable<String, Object> endpoint = new Hashtable<>();
		endpoint.put("endpoint.id", "tcp://" + node);
		endpoint.put("objectClass", new String[] { RemoteDeveloper.class.getName() });
		endpoint.put("service.imported", "true");
		endpoint.put("service.imported.configs", "aries.tcp");
		endpoint.put("service.intents", new String[] { "osgi.basic" });
		endpoint.put("osgi.basic.timeout", Long.toString(callTimeout.toMillis()));
		endpoint.put("endpoint.framework.uuid", "darkroom-node-" + node);
		endpoint.put("endpoint.service.id", 1L);
		endpoint.put("endpoint.package.version.camera.develop.remote", "1.0.0");
		endpoint.put(NODE_PROPERTY, node.toString());
		return endpoint;
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY, target = "(" + NODE_PROPERTY + "=*)")
	void bindNode(RemoteDeveloper node, Map<String, Object> properties) {
		if (secret == null) {
			return;
		}
		String name = String.valueOf(properties.get(NODE_PROPERTY));
		NodeLink link = new NodeLink(name, node, secret, context, probes, probeInterval, log);
		NodeLink replaced = links.put(name, link);
		if (replaced != null) {
			replaced.close();
		}
		link.start();
	}

	void unbindNode(RemoteDeveloper node, Map<String, Object> properties) {
		NodeLink link = links.get(String.valueOf(properties.get(NODE_PROPERTY)));
		if (link == null || !link.serves(node)) {
			return;
		}
		links.remove(String.valueOf(properties.get(NODE_PROPERTY)), link);
		if (link != null) {
			link.close();
		}
	}

	@Deactivate
	void deactivate() {
		probes.shutdownNow();
		for (NodeLink link : new ArrayList<>(links.values())) {
			link.close();
		}
		links.clear();
		try {
			for (Configuration configuration : written()) {
				configuration.delete();
			}
		} catch (IOException | InvalidSyntaxException | IllegalStateException e) {
			log.warn("the development nodes' endpoints could not be removed: {}", e.toString());
		}
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
