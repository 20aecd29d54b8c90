package camera.deferred.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import camera.deferred.internal.testing.TestSupport;
import camera.develop.remote.RemoteDeveloper;

class RemoteNodesTest {
	@TempDir
	Path directory;

	/** Factory configurations as ConfigurationAdmin keeps them: the ones written and the ones deleted. */
	private final List<Dictionary<String, Object>> written = new ArrayList<>();
	private final List<String> lines = new ArrayList<>();

	@SuppressWarnings("unchecked")
	private ConfigurationAdmin configurations() {
		return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { ConfigurationAdmin.class }, (proxy, method, args) -> switch (method.getName()) {
					case "createFactoryConfiguration" -> {
						assertThat(args[0]).isEqualTo(RemoteNodes.DISCOVERY_FACTORY_PID);
						yield Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Configuration.class },
								(configuration, call, values) -> {
									if (call.getName().equals("update") && values != null) {
										written.add((Dictionary<String, Object>) values[0]);
									}
									return null;
								});
					}
					case "listConfigurations" -> null;
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

	private static BundleContext context(Map<String, String> properties) {
		return (BundleContext) Proxy.newProxyInstance(RemoteNodesTest.class.getClassLoader(),
				new Class<?>[] { BundleContext.class }, (proxy, method, args) -> method.getName().equals("getProperty")
						? properties.get((String) args[0]) : null);
	}

	private final List<RemoteNodes> started = new ArrayList<>();

	@AfterEach
	void stop() {
		started.forEach(RemoteNodes::deactivate);
	}

	private RemoteNodes start(Map<String, String> properties) {
		RemoteNodes nodes = new RemoteNodes(context(properties), TestSupport.config(RemoteNodes.Config.class, Map.of()),
				configurations(), TestSupport.recordingLogger(lines));
		started.add(nodes);
		return nodes;
	}

	private Path secret() throws IOException {
		return Files.writeString(directory.resolve("node.secret"), "a secret of sufficient length\n");
	}

	@Nested
	class Endpoints {
		@Test
		void eachNodeBecomesAnEndpointAriesTcpImports() throws IOException {
			start(Map.of(RemoteNodes.NODES_PROPERTY, "127.0.0.1:7700, [::1]:7701", RemoteNodes.SECRET_FILE_PROPERTY,
					secret().toString()));
			assertThat(written).extracting(endpoint -> endpoint.get("endpoint.id"))
				.containsExactly("tcp://127.0.0.1:7700", "tcp://[::1]:7701");
			Dictionary<String, Object> first = written.getFirst();
			assertThat((String[]) first.get("objectClass")).containsExactly(RemoteDeveloper.class.getName());
			assertThat(first.get("service.imported.configs")).isEqualTo("aries.tcp");
			assertThat(first.get(RemoteNodes.NODE_PROPERTY)).isEqualTo("127.0.0.1:7700");
			assertThat(first.get("osgi.basic.timeout")).isEqualTo("300000");
		}

		@Test
		void withoutASecretNoNodeIsImportedAndTheLogSaysWhy() {
			start(Map.of(RemoteNodes.NODES_PROPERTY, "127.0.0.1:7700"));
			assertThat(written).isEmpty();
			assertThat(lines).singleElement().asString().startsWith("error: no development node is used")
				.contains(RemoteNodes.SECRET_FILE_PROPERTY);
		}

		@Test
		void aSecretTooShortImportsNothing() throws IOException {
			Path file = Files.writeString(directory.resolve("short"), "short");
			start(Map.of(RemoteNodes.NODES_PROPERTY, "127.0.0.1:7700", RemoteNodes.SECRET_FILE_PROPERTY,
					file.toString()));
			assertThat(written).isEmpty();
			assertThat(lines).singleElement().asString().contains("at least 16 characters");
		}

		@Test
		void aNodeAddressThatIsNoneIsSkippedNamingIt() throws IOException {
			start(new HashMap<>(Map.of(RemoteNodes.NODES_PROPERTY, "nowhere:port,127.0.0.1:7700",
					RemoteNodes.SECRET_FILE_PROPERTY, secret().toString())));
			assertThat(written).hasSize(1);
			assertThat(lines).singleElement().asString().contains("nowhere:port");
		}

		@Test
		void noNodesConfiguredWritesNothingAndSaysNothing() {
			start(Map.of());
			assertThat(written).isEmpty();
			assertThat(lines).isEmpty();
		}
	}
}
