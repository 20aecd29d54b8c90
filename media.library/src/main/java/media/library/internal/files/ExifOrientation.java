package media.library.internal.files;

import java.util.Optional;

/**
 * The orientation a JPEG's EXIF block states (tag 0x0112 of IFD0): how a viewer turns and mirrors the stored
 * pixels to show the photo upright. 1, the stored pixels as they are, when the file states none that can be read.
 */
public final class ExifOrientation {
	private static final int TAG_ORIENTATION = 0x0112;
	private static final int UPRIGHT = 1;

	private ExifOrientation() {
	}

	/** @return the EXIF orientation 1..8 of the JPEG */
	public static int of(byte[] jpeg) {
		Optional<ExifBlock.Tiff> block = ExifBlock.of(jpeg);
		if (block.isEmpty()) {
			return UPRIGHT;
		}
		ExifBlock.Tiff tiff = block.get();
		return tiff.find(tiff.u32(4), TAG_ORIENTATION)
			.filter(entry -> entry.type() == ExifBlock.TYPE_SHORT && entry.count() == 1)
			.map(entry -> tiff.u16(entry.valueAt()))
			.filter(value -> value >= 1 && value <= 8)
			.orElse(UPRIGHT);
	}
}
