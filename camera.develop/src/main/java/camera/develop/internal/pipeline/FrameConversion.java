package camera.develop.internal.pipeline;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;

import camera.api.hal.FrameRows;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.develop.RgbImage;

/**
 * Brings frames that are already developed by their device ({@code YUYV}, {@code RGB888}, {@code MJPEG}, as the
 * V4L2 HAL delivers them) and linear references ({@code RGB48_LINEAR}) to an {@link RgbImage}.
 */
final class FrameConversion {
	private FrameConversion() {
	}

	static RgbImage convert(RawFrame frame) {
		return switch (frame.format()) {
			case RGB888 -> fromRgb888(frame);
			case YUYV -> fromYuyv(frame);
			case MJPEG -> fromJpeg(frame);
			case RAW_BAYER16, RGB48_LINEAR -> throw new IllegalArgumentException(
					"not a developed frame: " + frame.format());
		};
	}

	/** Renders rows {@code [firstRow, endRow)} of a linear reference through the output transform. */
	static void renderLinearRows(RawFrame frame, ColourOutput output, int firstRow, int endRow, byte[] rgb) {
		ByteBuffer data = frame.data().slice(0, frame.data().limit()).order(ByteOrder.LITTLE_ENDIAN);
		float black = frame.metadata().blackLevel();
		int width = frame.width();
		for (int y = firstRow; y < endRow; y++) {
			int source = y * frame.stride();
			int target = y * width * 3;
			for (int x = 0; x < width; x++, source += 6, target += 3) {
				output.write((data.getShort(source) & 0xFFFF) - black, (data.getShort(source + 2) & 0xFFFF) - black,
						(data.getShort(source + 4) & 0xFFFF) - black, rgb, target);
			}
		}
	}

	private static RgbImage fromRgb888(RawFrame frame) {
		FrameRows.require(frame);
		int rowBytes = frame.width() * 3;
		byte[] rgb = new byte[rowBytes * frame.height()];
		for (int y = 0; y < frame.height(); y++) {
			frame.data().get(y * frame.stride(), rgb, y * rowBytes, rowBytes);
		}
		return new RgbImage(frame.width(), frame.height(), rgb);
	}

	/** ITU-R BT.601 studio range, which is what V4L2 devices send as YUYV unless told otherwise. */
	private static RgbImage fromYuyv(RawFrame frame) {
		if (frame.width() % 2 != 0) {
			throw new IllegalArgumentException("YUYV needs an even width, not " + frame.width());
		}
		FrameRows.require(frame);
		int width = frame.width();
		byte[] row = new byte[width * 2];
		byte[] rgb = new byte[width * frame.height() * 3];
		for (int y = 0; y < frame.height(); y++) {
			frame.data().get(y * frame.stride(), row, 0, row.length);
			int target = y * width * 3;
			for (int x = 0; x < width; x += 2, target += 6) {
				int luma0 = (row[2 * x] & 0xFF) - 16;
				int u = (row[2 * x + 1] & 0xFF) - 128;
				int luma1 = (row[2 * x + 2] & 0xFF) - 16;
				int v = (row[2 * x + 3] & 0xFF) - 128;
				int redOffset = 409 * v + 128;
				int greenOffset = -100 * u - 208 * v + 128;
				int blueOffset = 516 * u + 128;
				writeYuv(298 * luma0, redOffset, greenOffset, blueOffset, rgb, target);
				writeYuv(298 * luma1, redOffset, greenOffset, blueOffset, rgb, target + 3);
			}
		}
		return new RgbImage(width, frame.height(), rgb);
	}

	private static void writeYuv(int luma, int redOffset, int greenOffset, int blueOffset, byte[] rgb, int at) {
		rgb[at] = clamp((luma + redOffset) >> 8);
		rgb[at + 1] = clamp((luma + greenOffset) >> 8);
		rgb[at + 2] = clamp((luma + blueOffset) >> 8);
	}

	private static byte clamp(int value) {
		return (byte) (value < 0 ? 0 : value > 255 ? 255 : value);
	}

	private static RgbImage fromJpeg(RawFrame frame) {
		byte[] jpeg = new byte[frame.data().limit()];
		frame.data().get(0, jpeg);
		BufferedImage image;
		try {
			image = ImageIO.read(new ByteArrayInputStream(jpeg));
		} catch (IOException e) {
			throw new UncheckedIOException("cannot decode MJPEG frame: " + e.getMessage(), e);
		}
		if (image == null) {
			throw new IllegalArgumentException("MJPEG frame is not a JPEG image");
		}
		int width = image.getWidth();
		int height = image.getHeight();
		byte[] rgb = new byte[width * height * 3];
		int[] row = new int[width];
		for (int y = 0; y < height; y++) {
			image.getRGB(0, y, width, 1, row, 0, width);
			for (int x = 0; x < width; x++) {
				int pixel = row[x];
				int at = (y * width + x) * 3;
				rgb[at] = (byte) (pixel >> 16);
				rgb[at + 1] = (byte) (pixel >> 8);
				rgb[at + 2] = (byte) pixel;
			}
		}
		return new RgbImage(width, height, rgb);
	}

	static boolean isDeveloped(PixelFormat format) {
		return format == PixelFormat.RGB888 || format == PixelFormat.YUYV || format == PixelFormat.MJPEG;
	}
}
