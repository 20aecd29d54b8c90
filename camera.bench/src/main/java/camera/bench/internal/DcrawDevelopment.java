package camera.bench.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import camera.api.hal.FrameMetadata;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;

/**
 * dcraw, a raw developer outside Darkroom, developing a DNG the platform wrote: linear 16-bit output
 * ({@code -4}: no automatic brightening, gamma 1) with the file's white balance ({@code -w}), so that its picture
 * can go through the same output transform as the reference and be graded on its development alone.
 */
final class DcrawDevelopment {
	private static final long TIMEOUT_SECONDS = 600;

	private final Path executable;

	private DcrawDevelopment(Path executable) {
		this.executable = executable;
	}

	/** @return dcraw as found on the PATH, if it is installed */
	static Optional<DcrawDevelopment> find() {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return Stream.of(path.split(File.pathSeparator))
			.filter(directory -> !directory.isBlank())
			.map(directory -> Path.of(directory, "dcraw"))
			.filter(Files::isExecutable)
			.findFirst()
			.map(DcrawDevelopment::new);
	}

	/**
	 * Runs {@code dcraw -4 -w -c -q <quality>} on the file.
	 *
	 * @param fullScale the sensor's range above black: dcraw maps the file's black..white onto 0..65535, scaled
	 *                  back here so the picture is on the raw scale of a reference
	 * @return the picture as an {@code RGB48_LINEAR} frame with black level 0
	 */
	RawFrame develop(Path dng, int quality, int fullScale) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(executable.toString(), "-4", "-w", "-c", "-q",
				Integer.toString(quality), dng.toString()));
		Process dcraw = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		byte[] ppm = dcraw.getInputStream().readAllBytes();
		if (!dcraw.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			dcraw.destroyForcibly();
			throw new IOException("dcraw -q " + quality + " did not finish within " + TIMEOUT_SECONDS + " s");
		}
		if (dcraw.exitValue() != 0 || ppm.length == 0) {
			throw new IOException("dcraw -q " + quality + " could not develop the DNG (exit " + dcraw.exitValue() + ")");
		}
		return linearFrame(ppm, fullScale);
	}

	/** A binary PPM of maximum 65535 (big-endian samples) as an {@code RGB48_LINEAR} frame. */
	private static RawFrame linearFrame(byte[] ppm, int fullScale) throws IOException {
		InputStream header = new ByteArrayInputStream(ppm);
		String magic = token(header);
		int width = Integer.parseInt(token(header));
		int height = Integer.parseInt(token(header));
		int maximum = Integer.parseInt(token(header));
		if (!magic.equals("P6") || maximum != 65535) {
			throw new IOException("dcraw wrote " + magic + " of maximum " + maximum + ", not a 16-bit P6");
		}
		int samples = Math.multiplyExact(width * 3, height);
		ByteBuffer source = ByteBuffer.wrap(ppm, ppm.length - header.available(), samples * 2).slice()
			.order(ByteOrder.BIG_ENDIAN);
		ByteBuffer linear = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
		double scale = fullScale / 65535.0;
		for (int i = 0; i < samples; i++) {
			linear.putShort(2 * i, (short) Math.round((source.getShort(2 * i) & 0xFFFF) * scale));
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
