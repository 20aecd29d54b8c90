package camera.api;

/**
 * The EventAdmin topic and properties of one capture's timing, which the camera framework posts asynchronously
 * once the capture's photo event (photoAvailable, photoAssetAvailable or deferredPhotoProxyAvailable) has been
 * fired: where the time from the press to the photo went. A stage the capture did not pass through (no spool for a
 * single-phase photo) is absent. These names are the contract; subscribe with them rather than with their text.
 */
public final class CaptureTimingEvents {
	/** One event per delivered photo. */
	public static final String TOPIC = "camera/capture/TIMED";

	/** Integer: the capture id of the photo's events. */
	public static final String CAPTURE_ID = "capture.id";
	/** String: the camera it was taken with. */
	public static final String CAMERA_ID = "camera.id";
	/** String: how it was delivered, one of {@link #SINGLE_PHASE}, {@link #DEFERRED_ASSET}, {@link #DEFERRED_PROXY}. */
	public static final String DELIVERY = "delivery";
	/** {@link #DELIVERY}: a FULL photo through photoAvailable. */
	public static final String SINGLE_PHASE = "single";
	/** {@link #DELIVERY}: a FAST asset through photoAssetAvailable. */
	public static final String DEFERRED_ASSET = "deferred-asset";
	/** {@link #DELIVERY}: a proxy through deferredPhotoProxyAvailable. */
	public static final String DEFERRED_PROXY = "deferred-proxy";
	/** Long: from the press to the start of exposure of the first frame; negative when it was taken before. */
	public static final String SHUTTER_LAG_NANOS = "shutter.lag.nanos";
	/** Long: from the press until the first frame was in the framework's hands. */
	public static final String WAIT_FOR_FRAME_NANOS = "wait.for.frame.nanos";
	/** Long: developing the first-phase image (deferred) or the full image (single phase). */
	public static final String DEVELOP_NANOS = "develop.nanos";
	/** Long: encoding that image as JPEG. */
	public static final String ENCODE_NANOS = "encode.nanos";
	/** Long: from the first frame until the whole burst was written to the spool and made a job (deferred). */
	public static final String SPOOL_WRITE_NANOS = "spool.write.nanos";
	/** Long: writing the photo into the media library (file and row). */
	public static final String ASSET_WRITE_NANOS = "asset.write.nanos";
	/** Long: from the press to the photo event. */
	public static final String TOTAL_NANOS = "total.nanos";

	private CaptureTimingEvents() {
	}
}
