package camera.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.TraceClassVisitor;

/** The rewrite applied to the real TCPServer class of the Aries RSA TCP provider jar on the test class path. */
class ListenHostWeavingTest {
	private static final String TCP_PACKAGE = "org.apache.aries.rsa.provider.tcp.";

	@Nested
	class TheRewrittenServer {
		@Test
		void bindsOnlyTheLoopbackHostItIsGiven() throws Exception {
			InetAddress bound = boundAddress(true, "127.0.0.1");

			assertThat(bound.isLoopbackAddress()).isTrue();
			assertThat(bound.isAnyLocalAddress()).isFalse();
		}

		@Test
		void bindsEveryInterfaceWhenGivenTheWildcardAddress() throws Exception {
			assertThat(boundAddress(true, "0.0.0.0").isAnyLocalAddress()).isTrue();
		}

		@Test
		void isNeededBecauseTheReleasedServerBindsEveryInterfaceWhateverHostItIsGiven() throws Exception {
			assertThat(boundAddress(false, "127.0.0.1").isAnyLocalAddress()).isTrue();
		}
	}

	@Nested
	class TheRewrite {
		@Test
		void replacesOnlyTheServerSocketConstructionOfTheConstructor() {
			String original = text(classBytes(ListenHostWeaving.CLASS_NAME));
			String woven = text(ListenHostWeaving.weave(classBytes(ListenHostWeaving.CLASS_NAME)));

			String expected = original
					.replace("    INVOKESPECIAL java/net/ServerSocket.<init> (I)V\n",
							"    BIPUSH 50\n    ALOAD 2\n"
									+ "    INVOKESTATIC java/net/InetAddress.getByName (Ljava/lang/String;)Ljava/net/InetAddress;\n"
									+ "    INVOKESPECIAL java/net/ServerSocket.<init> (IILjava/net/InetAddress;)V\n");
			assertThat(original).contains("INVOKESPECIAL java/net/ServerSocket.<init> (I)V");
			assertThat(withoutMaxStack(woven)).isEqualTo(withoutMaxStack(expected));
		}

		@Test
		void leavesAClassWithoutThatConstructionAlone() {
			assertThat(ListenHostWeaving.weave(classBytes(TCP_PACKAGE + "TcpEndpoint"))).isNull();
		}
	}

	/** Starts a TCPServer of the provider jar (woven or as released) on a free port and closes it again. */
	private static InetAddress boundAddress(boolean woven, String host) throws Exception {
		Class<?> server = new ProviderLoader(woven).loadClass(ListenHostWeaving.CLASS_NAME);
		Object instance = server.getConstructor(Object.class, String.class, Integer.class, int.class)
				.newInstance(new Object() {
				}, host, 0, 1);
		try {
			Field socket = server.getDeclaredField("serverSocket");
			socket.setAccessible(true);
			return ((ServerSocket) socket.get(instance)).getInetAddress();
		} finally {
			((Closeable) instance).close();
		}
	}

	private static byte[] classBytes(String name) {
		try (InputStream in = ListenHostWeavingTest.class.getClassLoader()
				.getResourceAsStream(name.replace('.', '/') + ".class")) {
			assertThat(in).as(name + " on the test class path").isNotNull();
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String text(byte[] classBytes) {
		StringWriter text = new StringWriter();
		new ClassReader(classBytes).accept(new TraceClassVisitor(new PrintWriter(text)), 0);
		return text.toString();
	}

	private static String withoutMaxStack(String text) {
		return text.replaceAll("(?m)^    MAXSTACK = \\d+\n", "");
	}

	/** Defines the provider's own classes itself, as its bundle's class loader does, the TCPServer woven or not. */
	private static final class ProviderLoader extends ClassLoader {
		private final boolean woven;

		ProviderLoader(boolean woven) {
			super(ListenHostWeavingTest.class.getClassLoader());
			this.woven = woven;
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (!name.startsWith(TCP_PACKAGE)) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> loaded = findLoadedClass(name);
				if (loaded == null) {
					byte[] bytes = classBytes(name);
					if (woven && name.equals(ListenHostWeaving.CLASS_NAME)) {
						bytes = ListenHostWeaving.weave(bytes);
					}
					loaded = defineClass(name, bytes, 0, bytes.length);
				}
				return loaded;
			}
		}
	}
}
