package camera.deferred.internal.remote;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.Logger;

import camera.deferred.internal.development.DevelopmentLane;
import camera.develop.remote.NodeStatus;
import camera.develop.remote.RemoteDeveloper;
import camera.develop.remote.SharedSecret;

/**
 * One imported node: asks it for its status until it answers with the shared secret's proof, then registers its
 * {@link RemoteLane} as a {@link DevelopmentLane} service, which the engine binds. When the lane reports the node
 * unreachable the service goes, and the asking starts again: a node comes and goes at runtime. Thread-safe.
 */
final class NodeLink {
	/** Service property of a node's lane: its name. */
	static final String LANE_PROPERTY = "darkroom.lane";

	private final String name;
	private final RemoteDeveloper node;
	private final SharedSecret secret;
	private final BundleContext context;
	private final ScheduledExecutorService probes;
	private final Duration probeInterval;
	private final Logger log;
	private final SecureRandom nonces = new SecureRandom();
	private ServiceRegistration<DevelopmentLane> registration;
	private RemoteLane lane;
	private boolean closed;
	private boolean probing;
	private String lastProblem;

	NodeLink(String name, RemoteDeveloper node, SharedSecret secret, BundleContext context,
			ScheduledExecutorService probes, Duration probeInterval, Logger log) {
		this.name = name;
		this.node = node;
		this.secret = secret;
		this.context = context;
		this.probes = probes;
		this.probeInterval = probeInterval;
		this.log = log;
	}

	/** @return whether this link asks that very proxy (compared by identity: a proxy forwards {@code equals}) */
	boolean serves(RemoteDeveloper proxy) {
		return node == proxy;
	}

	void start() {
		probeLater(Duration.ZERO);
	}

	private void probeLater(Duration delay) {
		try {
			probes.schedule(this::probe, delay.toMillis(), TimeUnit.MILLISECONDS);
		} catch (java.util.concurrent.RejectedExecutionException e) {
			// The component stops: no more probes.
		}
	}

	/** Asks on a virtual thread of its own: a node that does not answer holds no other node's probe. */
	private void probe() {
		synchronized (this) {
			if (closed || registration != null || probing) {
				return;
			}
			probing = true;
		}
		Thread.ofVirtual().name("darkroom-remote-probe-" + name).start(this::ask);
	}

	private void ask() {
		long nonce = nonces.nextLong();
		String problem = null;
		NodeStatus status = null;
		try {
			status = node.status(nonce, secret.prove(NodeStatus.requestParts(nonce)));
			if (!status.answers(nonce, secret)) {
				problem = "its status is not proven with the shared secret";
			}
		} catch (RuntimeException e) {
			problem = Problems.describe(e);
		}
		synchronized (this) {
			probing = false;
			if (closed) {
				return;
			}
			if (problem == null) {
				lane = new RemoteLane(name, status.slots() + 1, node, secret, this::unreachable);
				Hashtable<String, Object> properties = new Hashtable<>();
				properties.put(LANE_PROPERTY, name);
				log.info("development node {} ({}) answers: {} cores, {} slots, {} waiting", name, status.name(),
						status.cores(), status.slots(), status.waiting());
				lastProblem = null;
				registration = context.registerService(DevelopmentLane.class, lane, properties);
				return;
			}
			if (!problem.equals(lastProblem)) {
				log.warn("development node {} does not answer; asking again every {} s: {}", name,
						probeInterval.toSeconds(), problem);
				lastProblem = problem;
			}
		}
		probeLater(probeInterval);
	}

	/** The lane's node failed a call: its lane goes until it answers again. */
	private void unreachable(String why) {
		ServiceRegistration<DevelopmentLane> gone;
		RemoteLane closing;
		synchronized (this) {
			gone = registration;
			closing = lane;
			registration = null;
			lane = null;
			lastProblem = null;
		}
		if (gone == null) {
			return;
		}
		log.warn("development node {} left: {}; its jobs go back to the queue", name, why);
		unregister(gone, closing);
		probeLater(probeInterval);
	}

	/** The node's import went away, or the component stops. */
	void close() {
		ServiceRegistration<DevelopmentLane> gone;
		RemoteLane closing;
		synchronized (this) {
			closed = true;
			gone = registration;
			closing = lane;
			registration = null;
			lane = null;
		}
		unregister(gone, closing);
	}

	private static void unregister(ServiceRegistration<DevelopmentLane> registration, RemoteLane lane) {
		if (registration != null) {
			try {
				registration.unregister();
			} catch (IllegalStateException e) {
				// Unregistered already, with the bundle.
			}
		}
		if (lane != null) {
			lane.close();
		}
	}
}
