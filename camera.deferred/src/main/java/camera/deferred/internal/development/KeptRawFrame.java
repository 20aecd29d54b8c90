package camera.deferred.internal.development;

import java.util.List;
import java.util.Optional;

import camera.api.PhotoCaptureSetting;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.develop.DngCodec;
import camera.develop.ExifData;

/**
 * The raw file a capture keeps when its setting asks for it ({@link PhotoCaptureSetting#raw()}): the burst's first
 * frame, the one nearest the press that phase 1 developed and the EXIF describes, as a DNG. The same for phase 2
 * and single-phase delivery.
 */
public final class KeptRawFrame {
	private KeptRawFrame() {
	}

	/** @return whether the capture asked for a raw file and its first frame is a mosaic a DNG can hold */
	public static boolean wanted(PhotoCaptureSetting setting, List<RawFrame> burst) {
		RawFrame first = burst.getFirst();
		return setting.raw() && first.format() == PixelFormat.RAW_BAYER16 && first.metadata().bayerPattern() != null;
	}

	/** @return the DNG of the burst's first frame, or empty when the capture keeps none */
	public static Optional<byte[]> dng(DngCodec codec, PhotoCaptureSetting setting, List<RawFrame> burst,
			ExifData exif) {
		return wanted(setting, burst) ? Optional.of(codec.encode(burst.getFirst(), exif)) : Optional.empty();
	}
}
