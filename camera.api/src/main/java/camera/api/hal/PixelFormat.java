package camera.api.hal;

/** The layout of a {@link RawFrame}'s bytes. */
public enum PixelFormat {
	/**
	 * A Bayer mosaic, one unsigned 16-bit little-endian sample per pixel holding {@code bitDepth} significant
	 * bits; the colour of each site is given by {@link FrameMetadata#bayerPattern()}.
	 */
	RAW_BAYER16,
	/** Packed YUV 4:2:2, bytes Y0 U Y1 V for each pair of pixels. */
	YUYV,
	/** A complete JPEG image per frame; stride is 0. */
	MJPEG,
	/** 8-bit R, G, B per pixel, sRGB-encoded. */
	RGB888,
	/** Unsigned 16-bit little-endian R, G, B per pixel in linear light on the raw scale (references). */
	RGB48_LINEAR
}
