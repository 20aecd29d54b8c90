package camera.develop.remote;

/** Why a node refused or failed an order. */
public enum RemoteErrorCode {
	/** The call's proof was not made with the node's secret, or the node has none configured. */
	UNAUTHENTICATED,
	/** Bytes arrived that do not match their checksum: a frame, or the JPEG on its way back. */
	CORRUPT_TRANSFER,
	/** The burst could not be developed (an unsupported format, a frame too short for its size). */
	DEVELOPMENT_FAILED
}
