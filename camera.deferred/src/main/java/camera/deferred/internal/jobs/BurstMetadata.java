package camera.deferred.internal.jobs;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import camera.api.CameraPosition;
import camera.api.CameraType;
import camera.api.ConnectionType;
import camera.api.ImageRotation;
import camera.api.Location;
import camera.api.PhotoCaptureSetting;
import camera.api.QualityLevel;
import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;

/**
 * The small text file beside a job's frames: camera, capture setting, capture time and each frame's geometry,
 * sensor metadata, encoding and checksums, as Java properties so a person can read it.
 */
final class BurstMetadata {
	static final String FILE_NAME = "burst.properties";

	private BurstMetadata() {
	}

	/** @param written how each frame's file holds its pixels and their checksums, in frame order */
	static String write(CapturedBurst burst, Instant acceptedAt, List<FrameFileWriter.Written> written) {
		Properties p = new Properties();
		HalCameraInfo camera = burst.camera();
		p.setProperty("camera.id", camera.id());
		p.setProperty("camera.name", camera.name());
		p.setProperty("camera.hal", camera.hal());
		p.setProperty("camera.position", camera.position().name());
		p.setProperty("camera.type", camera.type().name());
		p.setProperty("camera.connection", camera.connection().name());
		p.setProperty("camera.make", camera.make());
		p.setProperty("camera.model", camera.model());
		PhotoCaptureSetting setting = burst.setting();
		p.setProperty("setting.quality", setting.quality().name());
		p.setProperty("setting.rotation", Integer.toString(setting.rotation().degrees()));
		p.setProperty("setting.mirror", Boolean.toString(setting.mirror()));
		p.setProperty("setting.raw", Boolean.toString(setting.raw()));
		if (setting.location() != null) {
			p.setProperty("setting.location.latitude", Double.toString(setting.location().latitude()));
			p.setProperty("setting.location.longitude", Double.toString(setting.location().longitude()));
			p.setProperty("setting.location.altitude", Double.toString(setting.location().altitude()));
		}
		p.setProperty("capture.time", burst.captureTime().toString());
		p.setProperty("accepted.time", acceptedAt.toString());
		p.setProperty("frames", Integer.toString(burst.frames().size()));
		for (int i = 0; i < burst.frames().size(); i++) {
			RawFrame frame = burst.frames().get(i);
			FrameMetadata m = frame.metadata();
			String prefix = "frame." + i + ".";
			p.setProperty(prefix + "format", frame.format().name());
			p.setProperty(prefix + "width", Integer.toString(frame.width()));
			p.setProperty(prefix + "height", Integer.toString(frame.height()));
			p.setProperty(prefix + "stride", Integer.toString(frame.stride()));
			p.setProperty(prefix + "bytes", Integer.toString(frame.data().limit()));
			p.setProperty(prefix + "encoding", written.get(i).encoding().name());
			p.setProperty(prefix + "storedBytes", Long.toString(written.get(i).checksums().storedBytes()));
			p.setProperty(prefix + "checksums", written.get(i).checksums().format());
			p.setProperty(prefix + "timestampNanos", Long.toString(m.timestampNanos()));
			p.setProperty(prefix + "exposureNanos", Long.toString(m.exposureNanos()));
			p.setProperty(prefix + "iso", Integer.toString(m.iso()));
			p.setProperty(prefix + "blackLevel", Integer.toString(m.blackLevel()));
			p.setProperty(prefix + "whiteLevel", Integer.toString(m.whiteLevel()));
			if (m.bayerPattern() != null) {
				p.setProperty(prefix + "bayerPattern", m.bayerPattern().name());
			}
		}
		StringWriter text = new StringWriter();
		try {
			p.store(text, "deferred job burst");
		} catch (IOException e) {
			throw new IllegalStateException("a string writer cannot fail", e);
		}
		return text.toString();
	}

	/** The bytes of a frame's spool file, or empty when the file is gone. */
	@FunctionalInterface
	interface FrameFile {
		Optional<ByteBuffer> load(int index) throws IOException;
	}

	/**
	 * The burst as written, with the frames' pixels loaded through {@code frameData}.
	 *
	 * @param burst  the intact frames, in capture order
	 * @param damage what is wrong with each frame left out ("frame 2 fails its checksum ..."), empty when none was
	 */
	record Stored(CapturedBurst burst, Instant acceptedAt, List<String> damage) {
		Stored {
			damage = List.copyOf(damage);
		}
	}

	/**
	 * Reads the burst, checking each frame's file against its recorded checksums and decoding it as its recorded
	 * encoding; a frame that fails its checks or whose file is gone is left out. Metadata written before
	 * encodings or checksums existed reads its files as they are.
	 *
	 * @throws SpoolDamagedException when no frame is left
	 */
	static Stored read(String jobId, String text, FrameFile frameData) throws IOException {
		Properties p = new Properties();
		p.load(new StringReader(text));
		HalCameraInfo camera = new HalCameraInfo(required(p, "camera.id"), required(p, "camera.name"),
				required(p, "camera.hal"), CameraPosition.valueOf(required(p, "camera.position")),
				CameraType.valueOf(required(p, "camera.type")), ConnectionType.valueOf(required(p, "camera.connection")),
				required(p, "camera.make"), required(p, "camera.model"));
		Location location = p.containsKey("setting.location.latitude")
				? new Location(Double.parseDouble(required(p, "setting.location.latitude")),
						Double.parseDouble(required(p, "setting.location.longitude")),
						Double.parseDouble(required(p, "setting.location.altitude")))
				: null;
		PhotoCaptureSetting setting = new PhotoCaptureSetting(QualityLevel.valueOf(required(p, "setting.quality")),
				ImageRotation.ofDegrees(Integer.parseInt(required(p, "setting.rotation"))),
				Boolean.parseBoolean(required(p, "setting.mirror")), location,
				Boolean.parseBoolean(p.getProperty("setting.raw", "false")));
		int count = Integer.parseInt(required(p, "frames"));
		List<RawFrame> frames = new ArrayList<>(count);
		List<String> damage = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String prefix = "frame." + i + ".";
			String pattern = p.getProperty(prefix + "bayerPattern");
			FrameMetadata metadata = new FrameMetadata(Long.parseLong(required(p, prefix + "timestampNanos")),
					Long.parseLong(required(p, prefix + "exposureNanos")), Integer.parseInt(required(p, prefix + "iso")),
					Integer.parseInt(required(p, prefix + "blackLevel")),
					Integer.parseInt(required(p, prefix + "whiteLevel")),
					pattern == null ? null : BayerPattern.valueOf(pattern));
			int width = Integer.parseInt(required(p, prefix + "width"));
			int height = Integer.parseInt(required(p, prefix + "height"));
			int stride = Integer.parseInt(required(p, prefix + "stride"));
			FrameEncoding encoding = encoding(p.getProperty(prefix + "encoding", FrameEncoding.RAW.name()));
			Optional<ByteBuffer> loaded = frameData.load(i);
			if (loaded.isEmpty()) {
				damage.add("frame " + i + " is gone");
				continue;
			}
			ByteBuffer stored = loaded.get();
			Optional<String> problem = checksums(p, prefix).flatMap(checksums -> checksums.damage(stored));
			if (problem.isPresent()) {
				damage.add("frame " + i + " " + problem.get());
				continue;
			}
			String bytes = p.getProperty(prefix + "bytes");
			int length = bytes == null ? stored.remaining() : Integer.parseInt(bytes);
			frames.add(new RawFrame(PixelFormat.valueOf(required(p, prefix + "format")), width, height, stride,
					encoding.decode(stored, width, height, stride, length), metadata));
		}
		if (frames.isEmpty()) {
			throw new SpoolDamagedException("not one of the " + count + " frames of job " + jobId + " is intact: "
					+ String.join("; ", damage));
		}
		return new Stored(new CapturedBurst(frames, camera, setting, Instant.parse(required(p, "capture.time"))),
				Instant.parse(required(p, "accepted.time")), damage);
	}

	/** @return the frame's recorded checksums, or empty for a frame spooled before checksums existed */
	private static Optional<FrameChecksums> checksums(Properties p, String prefix) throws IOException {
		String checksums = p.getProperty(prefix + "checksums");
		if (checksums == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(FrameChecksums.parse(checksums, Long.parseLong(required(p, prefix + "storedBytes"))));
		} catch (IllegalArgumentException e) {
			throw new IOException("burst metadata has unreadable checksums for " + prefix + ": " + e.getMessage(), e);
		}
	}

	/** @return when the burst was accepted, without loading its frames */
	static Instant acceptedAt(String text) throws IOException {
		Properties p = new Properties();
		p.load(new StringReader(text));
		return Instant.parse(required(p, "accepted.time"));
	}

	/** @return when the burst was captured, without loading its frames */
	static Instant capturedAt(String text) throws IOException {
		Properties p = new Properties();
		p.load(new StringReader(text));
		return Instant.parse(required(p, "capture.time"));
	}

	private static FrameEncoding encoding(String name) throws IOException {
		try {
			return FrameEncoding.valueOf(name);
		} catch (IllegalArgumentException e) {
			throw new IOException("burst metadata names an unknown frame encoding " + name, e);
		}
	}

	private static String required(Properties p, String key) throws IOException {
		String value = p.getProperty(key);
		if (value == null) {
			throw new IOException("burst metadata lacks " + key);
		}
		return value;
	}
}
