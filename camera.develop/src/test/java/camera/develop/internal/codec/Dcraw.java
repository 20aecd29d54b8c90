package camera.develop.internal.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import camera.api.hal.FrameMetadata;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;

/** Decodes a file with the dcraw command line tool into a linear 16-bit image, as a test reads a DNG back. */
final class Dcraw {
	static final Path EXECUTABLE = Path.of("/usr/bin/dcraw");

	private Dcraw() {
	}

	static boolean installed() {
		return Files.isExecutable(EXECUTABLE);
	}

	/**
	 * Runs {@code dcraw -4 -c} (linear 16-bit, no automatic brightening, camera white balance from the file) with
	 * the extra options, and returns its picture as an {@code RGB48_LINEAR} frame scaled back to {@code fullScale}
	 * (dcraw maps the file's black..white range onto 0..65535).
	 */
	static RawFrame linear(Path file, int fullScale, String... options) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "-4", "-w", "-c"));
		command.addAll(List.of(options));
		command.add(file.toString());
		Process dcraw = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		byte[] ppm = dcraw.getInputStream().readAllBytes();
		if (!dcraw.waitFor(60, TimeUnit.SECONDS) || dcraw.exitValue() != 0 || ppm.length == 0) {
			throw new IOException("dcraw " + String.join(" ", options) + " could not decode " + file);
		}
		return fromPpm(ppm, fullScale);
	}

	/** A binary PPM (P6) of maximum 65535, big-endian samples. */
	private static RawFrame fromPpm(byte[] ppm, int fullScale) throws IOException {
		InputStream header = new java.io.ByteArrayInputStream(ppm);
		String magic = token(header);
		int width = Integer.parseInt(token(header));
		int height = Integer.parseInt(token(header));
		int maximum = Integer.parseInt(token(header));
		if (!magic.equals("P6") || maximum != 65535) {
			throw new IOException("dcraw wrote " + magic + " with maximum " + maximum + ", not a 16-bit P6");
		}
		int start = ppm.length - header.available();
		ByteBuffer samples = ByteBuffer.wrap(ppm, start, width * height * 6).slice().order(ByteOrder.BIG_ENDIAN);
		ByteBuffer linear = ByteBuffer.allocate(width * height * 6).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < width * height * 3; i++) {
			int value = samples.getShort(2 * i) & 0xFFFF;
			linear.putShort(2 * i, (short) Math.round(value * (double) fullScale / 65535));
		}
		return new RawFrame(PixelFormat.RGB48_LINEAR, width, height, width * 6, linear,
				new FrameMetadata(0, 0, 0, 0, fullScale, null));
	}

	private static String token(InputStream in) throws IOException {
		ByteArrayOutputStream token = new ByteArrayOutputStream();
		int c;
		while ((c = in.read()) != -1) {
			if (Character.isWhitespace(c)) {
				if (token.size() > 0) {
					break;
				}
			} else {
				token.write(c);
			}
		}
		return token.toString(StandardCharsets.US_ASCII);
	}
}
