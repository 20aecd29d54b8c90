package camera.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.weaving.WovenClass;
import org.osgi.framework.wiring.BundleWiring;

/** The weaving hook as the framework calls it, with the real TCPServer class file of the Aries jar. */
class ListenHostWeaverTest {
	/** The provider bundle's class loader in these tests: the one that loaded the test classes. */
	private static final ClassLoader PROVIDER_LOADER = ListenHostWeaverTest.class.getClassLoader();
	private final ListenHostWeaver weaver = new ListenHostWeaver(
			fake(BundleContext.class, Map.of("registerService", fake(ServiceRegistration.class, Map.of()))));
	private final List<byte[]> set = new ArrayList<>();

	@Nested
	class Weaving {
		@Test
		void rewritesTheTcpProvidersServer() {
			byte[] original = tcpServerBytes();

			weaver.weave(wovenClass(ListenHostWeaving.CLASS_NAME, ListenHostWeaving.BUNDLE, original));

			assertThat(set).singleElement().isEqualTo(ListenHostWeaving.weave(original));
		}

		@Test
		void leavesTheProvidersOtherClassesAlone() {
			weaver.weave(wovenClass("org.apache.aries.rsa.provider.tcp.TcpEndpoint", ListenHostWeaving.BUNDLE,
					tcpServerBytes()));

			assertThat(set).isEmpty();
		}

		@Test
		void leavesAClassOfTheSameNameInAnotherBundleAlone() {
			weaver.weave(wovenClass(ListenHostWeaving.CLASS_NAME, "another.bundle", tcpServerBytes()));

			assertThat(set).isEmpty();
		}
	}

	@Nested
	class TheNodesCheck {
		@Test
		void passesWhenTheProvidersServerWasWoven() {
			weaver.weave(wovenClass(ListenHostWeaving.CLASS_NAME, ListenHostWeaving.BUNDLE, tcpServerBytes()));

			assertThat(weaver.unbound(context(bundle(ListenHostWeaving.BUNDLE)))).isEmpty();
		}

		@Test
		void failsWhenTheProvidersServerWasLoadedBeforeTheHook() {
			assertThat(weaver.unbound(context(bundle(ListenHostWeaving.BUNDLE))))
					.contains("was loaded before this node's weaving hook");
		}

		@Test
		void failsWhenTheProvidersServerIsNotTheCodeItRewrites() {
			weaver.weave(wovenClass(ListenHostWeaving.CLASS_NAME, ListenHostWeaving.BUNDLE,
					classBytes("org.apache.aries.rsa.provider.tcp.TcpEndpoint")));

			assertThat(set).isEmpty();
			assertThat(weaver.unbound(context(bundle(ListenHostWeaving.BUNDLE)))).hasValueSatisfying(
					why -> assertThat(why).startsWith("is not the 1.16.1 code"));
		}

		@Test
		void failsWhenOnlyAnotherBundlesClassOfThatNameWasWoven() {
			weaver.weave(wovenClass(ListenHostWeaving.CLASS_NAME, "another.bundle", tcpServerBytes()));

			assertThat(weaver.unbound(context(bundle(ListenHostWeaving.BUNDLE)))).isPresent();
		}

		@Test
		void passesWithoutATcpProviderSinceNothingListens() {
			assertThat(weaver.unbound(context(bundle("another.bundle")))).isEmpty();
		}
	}

	private WovenClass wovenClass(String className, String bundleName, byte[] bytes) {
		BundleWiring wiring = fake(BundleWiring.class, Map.of("getBundle", bundle(bundleName),
				"getClassLoader", PROVIDER_LOADER));
		return (WovenClass) Proxy.newProxyInstance(WovenClass.class.getClassLoader(),
				new Class<?>[] { WovenClass.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getClassName" -> className;
					case "getBundleWiring" -> wiring;
					case "getBytes" -> bytes;
					case "setBytes" -> set.add((byte[]) args[0]);
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

	/** A bundle whose loadClass gives a class of {@link #PROVIDER_LOADER}, as the provider bundle would. */
	private static Bundle bundle(String symbolicName) {
		return fake(Bundle.class, Map.of("getSymbolicName", symbolicName, "loadClass", ListenHostWeaverTest.class));
	}

	private static BundleContext context(Bundle... bundles) {
		return fake(BundleContext.class, Map.of("getBundles", bundles));
	}

	private static <T> T fake(Class<T> type, Map<String, Object> answers) {
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> {
					if (!answers.containsKey(method.getName())) {
						throw new UnsupportedOperationException(method.getName());
					}
					return answers.get(method.getName());
				}));
	}

	private static byte[] tcpServerBytes() {
		return classBytes(ListenHostWeaving.CLASS_NAME);
	}

	private static byte[] classBytes(String name) {
		try (InputStream in = PROVIDER_LOADER.getResourceAsStream(name.replace('.', '/') + ".class")) {
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
