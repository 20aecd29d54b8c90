package camera.api;

/**
 * What one development service did for deferred processing: this machine's, or a development node's.
 *
 * @param name      {@code local}, or the node's address {@code HOST:PORT}
 * @param available whether it takes jobs now (a node that cannot be reached does not)
 * @param slots     jobs it takes at once
 * @param running   jobs it develops now
 * @param completed jobs it completed since start
 * @param averageMs average time of a completed job on it, transfers included, in milliseconds (0 before the
 *                  first)
 */
public record DeveloperStats(String name, boolean available, int slots, int running, long completed,
		double averageMs) {
}
