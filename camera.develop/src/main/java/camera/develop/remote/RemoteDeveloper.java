package camera.develop.remote;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A development node's service: full development of a burst into a JPEG, for a device that sends its raw frames.
 * A node registers it as a remote service; a device sees the imported proxy. Thread-safe; a node develops as many
 * orders at once as its {@link NodeStatus#slots()} say and queues the others.
 * <p>
 * Every call may also fail the way remote calls fail: with {@code org.osgi.framework.ServiceException} (type
 * {@code REMOTE}) when the node cannot be reached, dies during the call or does not answer in time. A caller
 * gives the order to another developer then; nothing on the node needs undoing.
 */
@ProviderType
public interface RemoteDeveloper {

	/**
	 * @param nonce a number the caller picked for this call, so that the answer cannot be an old one replayed
	 * @param proof {@link SharedSecret#prove} of {@link NodeStatus#requestParts(long)}
	 * @return what the node can take now, proven with the same secret
	 * @throws RemoteDevelopmentException {@link RemoteErrorCode#UNAUTHENTICATED} when the proof is wrong
	 */
	NodeStatus status(long nonce, byte[] proof);

	/**
	 * Develops the burst fully and encodes it as a compact JPEG with the order's EXIF. Blocks until done.
	 *
	 * @return the photo, with the order's job id and nonce and a proof made with the node's secret
	 * @throws RemoteDevelopmentException {@link RemoteErrorCode#UNAUTHENTICATED} for a wrong proof,
	 *                                    {@link RemoteErrorCode#CORRUPT_TRANSFER} when a frame's bytes do not match
	 *                                    its checksum, {@link RemoteErrorCode#DEVELOPMENT_FAILED} when the burst
	 *                                    cannot be developed
	 */
	DevelopedPhoto develop(DevelopmentOrder order);
}
