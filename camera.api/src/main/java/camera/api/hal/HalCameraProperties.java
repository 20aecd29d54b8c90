package camera.api.hal;

/**
 * The service properties of a {@link HalCamera} service, which a HAL puts on each registration so that the
 * framework, tools and tests can tell cameras apart without calling them.
 * <p>
 * A registration may also carry {@code service.ranking} ({@link org.osgi.framework.Constants#SERVICE_RANKING},
 * an {@code Integer}, 0 when absent): the framework lists cameras by descending ranking, then by id, and the first
 * one is the default camera that clients use when they name none. A HAL leaves its cameras unranked unless it has a
 * reason to put one first; a test or a deployment puts its own camera first by registering it with a higher
 * ranking.
 */
public final class HalCameraProperties {
	/** {@code String}, required: the camera's id, equal to {@link HalCameraInfo#id()}. */
	public static final String CAMERA_ID = "camera.id";
	/** {@code String}, required: the short name of the HAL serving the camera, equal to {@link HalCameraInfo#hal()}. */
	public static final String HAL = "camera.hal";

	private HalCameraProperties() {
	}
}
