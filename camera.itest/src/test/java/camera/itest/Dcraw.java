package camera.itest;

import java.io.ByteArrayInputStream;
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

/** The dcraw command line tool, as a raw developer outside Darkroom reads the DNG files it writes. */
final class Dcraw {
	static final Path EXECUTABLE = Path.of("/usr/bin/dcraw");

	private Dcraw() {
	}

	static boolean installed() {
		return Files.isExecutable(EXECUTABLE);
	}

	/** @return what {@code dcraw -i -v} says of the file */
	static String identify(Path file) throws IOException, InterruptedException {
		Process dcraw = new ProcessBuilder(EXECUTABLE.toString(), "-i", "-v", file.toString())
			.redirectErrorStream(true).start();
		String output = new String(dcraw.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!dcraw.waitFor(60, TimeUnit.SECONDS)) {
			dcraw.destroyForcibly();
			throw new IOException("dcraw -i did not finish");
		}
		return output;
	}

	/**
	 * Develops the file with {@code dcraw -4 -w -c} (linear 16-bit, no automatic brightening, the file's white
	 * balance) and the extra options; dcraw maps the file's black..white range onto 0..65535, which this scales back
	 * to {@code fullScale}, so the result is an {@code RGB48_LINEAR} frame on the raw scale a reference uses.
	 */
	static RawFrame linear(Path file, int fullScale, String... options) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "-4", "-w", "-c"));
		command.addAll(List.of(options));
		command.add(file.toString());
		Process dcraw = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		byte[] ppm = dcraw.getInputStream().readAllBytes();
		if (!dcraw.waitFor(60, TimeUnit.SECONDS) || dcraw.exitValue() != 0 || ppm.length == 0) {
			throw new IOException("dcraw " + String.join(" ", options) + " could not develop " + file);
		}
		InputStream header = new ByteArrayInputStream(ppm);
		String magic = token(header);
		int width = Integer.parseInt(token(header));
		int height = Integer.parseInt(token(header));
		int maximum = Integer.parseInt(token(header));
		if (!magic.equals("P6") || maximum != 65535) {
			throw new IOException("dcraw wrote " + magic + " of maximum " + maximum + ", not a 16-bit P6");
		}
		ByteBuffer samples = ByteBuffer.wrap(ppm, ppm.length - header.available(), width * height * 6).slice()
			.order(ByteOrder.BIG_ENDIAN);
		ByteBuffer linear = ByteBuffer.allocate(width * height * 6).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < width * height * 3; i++) {
			linear.putShort(2 * i, (short) Math.round((samples.getShort(2 * i) & 0xFFFF) * (double) fullScale / 65535));
		}
		return new RawFrame(PixelFormat.RGB48_LINEAR, width, height, width * 6, linear,
				new FrameMetadata(0, 0, 0, 0, fullScale, null));
	}

	private static String token(InputStream in) throws IOException {
		ByteArrayOutputStream token = new ByteArrayOutputStream();
		for (int c; (c = in.read()) != -1;) {
			if (!Character.isWhitespace(c)) {
				token.write(c);
			} else if (token.size() > 0) {
				break;
			}
		}
		return token.toString(StandardCharsets.US_ASCII);
	}
}
