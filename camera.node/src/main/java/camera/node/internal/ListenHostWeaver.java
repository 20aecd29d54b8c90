package camera.node.internal;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Makes Aries RSA's TCP provider bind the node's listen host instead of every interface, by weaving
 * {@link ListenHostWeaving} into its {@code TCPServer} when the provider's class loader defines it. The
 * {@link DevelopmentNode} waits for this component and asks {@link #unbound} before it exports, so the rewrite is
 * in place before the first export loads the class, or the node says that it is not.
 */
@Component(service = ListenHostWeaver.class)
public final class ListenHostWeaver implements WeavingHook {
	/** The class loaders whose TCPServer was rewritten; weak, so that an updated provider's old loader can go. */
	private final Set<ClassLoader> woven = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
	private volatile String failure;
	private final ServiceRegistration<WeavingHook> registration;

	/**
	 * Registers the hook itself rather than as a component's service: the framework calls hooks while it defines any
	 * class, and a component activated on such a call could need classes (or a log service) that are being defined.
	 */
	@Activate
	public ListenHostWeaver(BundleContext context) {
		registration = context.registerService(WeavingHook.class, this, null);
	}

	@Deactivate
	void deactivate() {
		registration.unregister();
	}

	@Override
	public void weave(WovenClass wovenClass) {
		if (!wovenClass.getClassName().equals(ListenHostWeaving.CLASS_NAME)
				|| !ListenHostWeaving.BUNDLE.equals(wovenClass.getBundleWiring().getBundle().getSymbolicName())) {
			return;
		}
		try {
			byte[] rewritten = ListenHostWeaving.weave(wovenClass.getBytes());
			if (rewritten == null) {
				failure = "is not the 1.16.1 code this node rewrites (no single new ServerSocket(port) in its constructor)";
				return;
			}
			wovenClass.setBytes(rewritten);
			woven.add(wovenClass.getBundleWiring().getClassLoader());
		} catch (RuntimeException e) {
			// The framework would blacklist a hook that throws; the node reports the unwoven class instead.
			failure = "could not be rewritten: " + e;
		}
	}

	/**
	 * Loads the TCP provider's TCPServer, which weaves it unless it was loaded before this hook was registered.
	 *
	 * @return why the TCPServer that exports will use binds every interface rather than the host it is given; empty
	 *         when it binds that host, or when no TCP provider is installed (then nothing listens)
	 */
	Optional<String> unbound(BundleContext context) {
		for (Bundle bundle : context.getBundles()) {
			if (ListenHostWeaving.BUNDLE.equals(bundle.getSymbolicName())) {
				try {
					if (woven.contains(bundle.loadClass(ListenHostWeaving.CLASS_NAME).getClassLoader())) {
						return Optional.empty();
					}
					String reason = failure;
					return Optional.of(reason != null ? reason : "was loaded before this node's weaving hook");
				} catch (ClassNotFoundException | LinkageError | IllegalStateException e) {
					return Optional.of("could not be loaded: " + e);
				}
			}
		}
		return Optional.empty();
	}
}
