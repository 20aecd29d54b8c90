package camera.develop.remote;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * What a node can take, as it said when asked.
 *
 * @param name      the node's name, for the device's statistics
 * @param cores     processors the node's developments run on
 * @param slots     orders it develops at once; more wait in its queue
 * @param running   orders developing now
 * @param waiting   orders waiting for a slot
 * @param completed orders developed since the node started
 * @param nonce     the nonce of the request
 * @param proof     {@link SharedSecret#prove} of {@link #parts()}
 */
public record NodeStatus(String name, int cores, int slots, int running, int waiting, long completed, long nonce,
		byte[] proof) implements Serializable {
	@Serial
	private static final long serialVersionUID = 1L;

	public NodeStatus {
		Objects.requireNonNull(name, "name");
	}

	/** @return what a status request's proof covers */
	public static String[] requestParts(long nonce) {
		return new String[] { "status", Long.toString(nonce) };
	}

	/** @return a status proven with the secret */
	public static NodeStatus signed(String name, int cores, int slots, int running, int waiting, long completed,
			long nonce, SharedSecret secret) {
		NodeStatus unsigned = new NodeStatus(name, cores, slots, running, waiting, completed, nonce, new byte[0]);
		return new NodeStatus(name, cores, slots, running, waiting, completed, nonce,
				secret.prove(unsigned.parts()));
	}

	/** @return whether this answers the request with that nonce and was proven with the secret */
	public boolean answers(long requestNonce, SharedSecret secret) {
		return nonce == requestNonce && secret.proves(proof, parts());
	}

	/** @return what the proof covers */
	public String[] parts() {
		return new String[] { "status-of", name, Integer.toString(cores), Integer.toString(slots),
				Integer.toString(running), Integer.toString(waiting), Long.toString(completed),
				Long.toString(nonce) };
	}
}
