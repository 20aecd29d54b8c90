import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.felix.resolver.Logger;
import org.apache.felix.resolver.ResolverImpl;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.HostedCapability;
import org.osgi.service.resolver.ResolutionException;
import org.osgi.service.resolver.ResolveContext;
import org.w3c.dom.Element;

/**
 * Test tool of own-framework-test.sh: starts whichever OSGi framework is on the class path (Apache Felix's
 * org.apache.felix.main or Eclipse Equinox's org.eclipse.osgi) as a user embedding Darkroom would, without the bnd
 * launcher, resolves the given bundles against the framework and an OSGi repository index (R5 index.xml), installs
 * what the resolution chose, starts it in the given start order and waits until the framework stops (the Gogo
 * shell stops it at the end of its input).
 * <p>
 * Arguments: {@code index.xml framework-properties-file root[,root...] [--first bsn,...] [--last bsn,...]}: the
 * roots are symbolic names required by identity; bundles named in --first start before the rest, those in --last
 * after it. Prints each installed bundle on stdout as {@code installed <symbolic name> <version>}.
 * <p>
 * The resolution uses the resolver both frameworks carry (Felix's {@code org.apache.felix.resolver}), with the
 * running system bundle as the platform, and treats requirements of {@code effective:=active} (services,
 * extenders at runtime) as effective, as the distribution's {@code -resolve.effective: active} does.
 */
public final class OwnFramework {
	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("usage: OwnFramework index.xml framework.properties root[,root...] [--first bsn,...] [--last bsn,...]");
			System.exit(2);
		}
		Path index = Path.of(args[0]).toAbsolutePath();
		Map<String, String> properties = readProperties(Path.of(args[1]));
		properties.putIfAbsent("org.osgi.framework.startlevel.beginning", "3");
		List<String> roots = List.of(args[2].split(","));
		List<String> first = option(args, "--first");
		List<String> last = option(args, "--last");

		List<Resource> repository = IndexResource.read(index);
		Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(properties);
		framework.init();
		BundleRevision system = framework.adapt(BundleRevision.class);
		System.out.println("framework " + framework.getSymbolicName() + " " + framework.getVersion());

		Map<Resource, List<org.osgi.resource.Wire>> resolution = new ResolverImpl(new Logger(Logger.LOG_ERROR))
			.resolve(new IndexContext(system, repository, roots));
		// bnd indexes a multi-release jar as its bundle plus synthetic resources, one per Java release: only bundles install
		List<IndexResource> chosen = resolution.keySet().stream().filter(IndexResource.class::isInstance)
			.map(IndexResource.class::cast).filter(IndexResource::isBundle).sorted(Comparator.comparing(IndexResource::symbolicName)).toList();

		BundleContext context = framework.getBundleContext();
		List<Bundle> installed = new ArrayList<>();
		for (IndexResource resource : chosen) {
			installed.add(context.installBundle(resource.location().toString()));
			System.out.println("installed " + resource.symbolicName() + " " + resource.version());
		}
		// Start levels give the start order: --first at 1, the rest at 2, --last at 3.
		for (Bundle bundle : installed) {
			int level = first.contains(bundle.getSymbolicName()) ? 1 : last.contains(bundle.getSymbolicName()) ? 3 : 2;
			bundle.adapt(BundleStartLevel.class).setStartLevel(level);
			if (bundle.getHeaders().get("Fragment-Host") == null) {
				bundle.start();
			}
		}
		framework.start();
		framework.waitForStop(0);
		System.exit(0);
	}

	private static List<String> option(String[] args, String name) {
		for (int i = 3; i + 1 < args.length; i++) {
			if (args[i].equals(name)) {
				return List.of(args[i + 1].split(","));
			}
		}
		return List.of();
	}

	private static Map<String, String> readProperties(Path file) throws IOException {
		var properties = new java.util.Properties();
		try (var in = Files.newBufferedReader(file)) {
			properties.load(in);
		}
		Map<String, String> map = new HashMap<>();
		properties.forEach((key, value) -> map.put((String) key, (String) value));
		return map;
	}

	/** The resolve context: the index's bundles and the running system bundle, every requirement effective. */
	private static final class IndexContext extends ResolveContext {
		private final BundleRevision system;
		private final List<Resource> repository;
		private final List<Resource> roots = new ArrayList<>();

		IndexContext(BundleRevision system, List<Resource> repository, List<String> names) throws ResolutionException {
			this.system = system;
			this.repository = repository;
			for (String name : names) {
				roots.add(repository.stream().filter(r -> name.equals(((IndexResource) r).symbolicName())).findFirst()
					.orElseThrow(() -> new ResolutionException("the index has no bundle " + name)));
			}
		}

		@Override
		public Collection<Resource> getMandatoryResources() {
			return roots;
		}

		@Override
		public List<Capability> findProviders(Requirement requirement) {
			List<Capability> providers = new ArrayList<>(matching(system.getCapabilities(requirement.getNamespace()), requirement));
			for (Resource resource : repository) {
				providers.addAll(matching(resource.getCapabilities(requirement.getNamespace()), requirement));
			}
			return providers;
		}

		private static List<Capability> matching(List<Capability> capabilities, Requirement requirement) {
			String filter = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
			if (filter == null) {
				return capabilities;
			}
			try {
				var parsed = FrameworkUtil.createFilter(filter);
				return capabilities.stream().filter(c -> parsed.matches(c.getAttributes())).toList();
			} catch (InvalidSyntaxException e) {
				throw new IllegalArgumentException("a requirement's filter does not parse: " + filter, e);
			}
		}

		@Override
		public int insertHostedCapability(List<Capability> capabilities, HostedCapability hosted) {
			capabilities.add(hosted);
			return capabilities.size() - 1;
		}

		@Override
		public boolean isEffective(Requirement requirement) {
			String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
			return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective) || Namespace.EFFECTIVE_ACTIVE.equals(effective);
		}

		@Override
		public Map<Resource, Wiring> getWirings() {
			return Map.of(system, system.getWiring());
		}
	}

	/** A resource of an R5 repository index: its capabilities and requirements, and where its bundle is. */
	private static final class IndexResource implements Resource {
		private final List<Capability> capabilities = new ArrayList<>();
		private final List<Requirement> requirements = new ArrayList<>();
		private URI location;

		static List<Resource> read(Path index) throws Exception {
			var document = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(index.toFile());
			List<Resource> resources = new ArrayList<>();
			for (Element element : children(document.getDocumentElement(), "resource")) {
				IndexResource resource = new IndexResource();
				for (Element capability : children(element, "capability")) {
					resource.capabilities.add(new Clause(resource, capability));
				}
				for (Element requirement : children(element, "requirement")) {
					resource.requirements.add(new Clause(resource, requirement));
				}
				resource.location = resource.getCapabilities("osgi.content").stream()
					.map(c -> index.toUri().resolve((String) c.getAttributes().get("url"))).findFirst().orElseThrow();
				resources.add(resource);
			}
			return resources;
		}

		String symbolicName() {
			return (String) identity().get(IdentityNamespace.IDENTITY_NAMESPACE);
		}

		boolean isBundle() {
			Object type = identity().get(IdentityNamespace.CAPABILITY_TYPE_ATTRIBUTE);
			return IdentityNamespace.TYPE_BUNDLE.equals(type) || IdentityNamespace.TYPE_FRAGMENT.equals(type);
		}

		Object version() {
			return identity().get(IdentityNamespace.CAPABILITY_VERSION_ATTRIBUTE);
		}

		private Map<String, Object> identity() {
			return getCapabilities(IdentityNamespace.IDENTITY_NAMESPACE).getFirst().getAttributes();
		}

		URI location() {
			return location;
		}

		@Override
		public List<Capability> getCapabilities(String namespace) {
			return capabilities.stream().filter(c -> namespace == null || namespace.equals(c.getNamespace())).toList();
		}

		@Override
		public List<Requirement> getRequirements(String namespace) {
			return requirements.stream().filter(r -> namespace == null || namespace.equals(r.getNamespace())).toList();
		}

		@Override
		public String toString() {
			return symbolicName() + " " + version();
		}
	}

	/** A capability or requirement of the index, with its attributes typed as the index says. */
	private record Clause(Resource resource, String namespace, Map<String, String> directives, Map<String, Object> attributes)
		implements Capability, Requirement {
		Clause(Resource resource, Element element) {
			this(resource, element.getAttribute("namespace"), directives(element), attributes(element));
		}

		private static Map<String, String> directives(Element element) {
			return children(element, "directive").stream()
				.collect(Collectors.toMap(d -> d.getAttribute("name"), d -> d.getAttribute("value"), (a, b) -> b, LinkedHashMap::new));
		}

		private static Map<String, Object> attributes(Element element) {
			Map<String, Object> attributes = new LinkedHashMap<>();
			for (Element attribute : children(element, "attribute")) {
				attributes.put(attribute.getAttribute("name"), typed(attribute.getAttribute("type"), attribute.getAttribute("value")));
			}
			return attributes;
		}

		private static Object typed(String type, String value) {
			if (type.startsWith("List<")) {
				String element = type.substring(5, type.length() - 1);
				return value.isEmpty() ? List.of() : List.of(value.split("\\s*,\\s*")).stream().map(v -> typed(element, v)).toList();
			}
			Function<String, Object> parse = switch (type) {
				case "Version" -> Version::parseVersion;
				case "Long" -> Long::valueOf;
				case "Double" -> Double::valueOf;
				default -> v -> v;
			};
			return parse.apply(value);
		}

		@Override
		public String getNamespace() {
			return namespace;
		}

		@Override
		public Map<String, String> getDirectives() {
			return directives;
		}

		@Override
		public Map<String, Object> getAttributes() {
			return attributes;
		}

		@Override
		public Resource getResource() {
			return resource;
		}

		// identity-based, as the resolver keys its maps on capabilities and requirements
		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> children = new ArrayList<>();
		for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && name.equals(element.getLocalName())) {
				children.add(element);
			}
		}
		return children;
	}
}
