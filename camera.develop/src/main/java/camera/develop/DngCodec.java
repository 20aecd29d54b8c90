package camera.develop;

import org.osgi.annotation.versioning.ProviderType;

import camera.api.hal.RawFrame;

/**
 * Writes a sensor frame as a DNG file (Adobe's TIFF/EP-based raw format) that raw developers such as dcraw,
 * darktable and RawTherapee open: the mosaic as the sensor delivered it, uncompressed, with its CFA pattern,
 * black and white levels, the colour matrix and neutral the platform's own development assumes, the orientation
 * and the EXIF of the photo. Thread-safe; the frame is only read, during the call.
 *
 * @since 1.1
 */
@ProviderType
public interface DngCodec {

	/**
	 * @param frame a {@code RAW_BAYER16} frame
	 * @param exif  what the photo's EXIF says; its orientation becomes the DNG's
	 * @return a complete DNG file
	 * @throws IllegalArgumentException when the frame is not a Bayer mosaic or its buffer does not hold its rows
	 */
	byte[] encode(RawFrame frame, ExifData exif);
}
