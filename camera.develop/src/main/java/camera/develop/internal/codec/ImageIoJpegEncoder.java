package camera.develop.internal.codec;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;

import camera.develop.RgbImage;

/** The JDK's own JPEG writer: always there, several times slower than libjpeg-turbo. */
final class ImageIoJpegEncoder implements JpegEncoder {
	private final String name;

	ImageIoJpegEncoder(String reason) {
		this.name = "ImageIO (" + reason + ")";
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public byte[] encode(RgbImage image, int quality, byte[] app1) {
		return encode(image, quality, app1, false);
	}

	@Override
	public byte[] encodeCompact(RgbImage image, int quality, byte[] app1) {
		return encode(image, quality, app1, true);
	}

	private byte[] encode(RgbImage image, int quality, byte[] app1, boolean compact) {
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
		if (!writers.hasNext()) {
			throw new IllegalStateException("this JDK has no ImageIO JPEG writer");
		}
		ImageWriter writer = writers.next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.width() * image.height() / 2 + 1024);
		try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			parameters.setCompressionQuality(quality / 100f);
			if (compact) {
				parameters.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
				if (parameters instanceof JPEGImageWriteParam jpeg) {
					jpeg.setOptimizeHuffmanTables(true);
				}
			}
			writer.setOutput(output);
			writer.write(null, new IIOImage(wrap(image), null, null), parameters);
		} catch (IOException e) {
			throw new UncheckedIOException("ImageIO could not encode a JPEG: " + e.getMessage(), e);
		} finally {
			writer.dispose();
		}
		byte[] jpeg = bytes.toByteArray();
		return ExifSegment.insert(jpeg, jpeg.length, app1);
	}

	/** Views the RGB bytes as an image without copying them. */
	private static BufferedImage wrap(RgbImage image) {
		DataBufferByte buffer = new DataBufferByte(image.rgb(), image.rgb().length);
		WritableRaster raster = Raster.createInterleavedRaster(buffer, image.width(), image.height(),
				image.width() * 3, 3, new int[] {0, 1, 2}, null);
		ComponentColorModel colours = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false,
				false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
		return new BufferedImage(colours, raster, false, null);
	}

	@Override
	public void close() {
		// Nothing native to release.
	}
}
