package camera.api.hal;

/**
 * What the sensor knew about a frame.
 *
 * @param timestampNanos  start of exposure, monotonic nanoseconds
 * @param exposureNanos   exposure time in nanoseconds
 * @param iso             sensitivity
 * @param blackLevel      the raw value of black (RAW only, else 0)
 * @param whiteLevel      the raw value of saturation (RAW only, else 255)
 * @param bayerPattern    the mosaic layout (RAW only, else {@code null})
 */
public record FrameMetadata(long timestampNanos, long exposureNanos, int iso, int blackLevel, int whiteLevel,
		BayerPattern bayerPattern) {
}
