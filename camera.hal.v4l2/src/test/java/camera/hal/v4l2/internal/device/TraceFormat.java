package camera.hal.v4l2.internal.device;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The text form of a syscall trace, one call per line:
 *
 * <pre>
 * open /dev/video0 = 3                      (or "= EBUSY")
 * ioctl 3 QUERYCAP &lt;argument hex before&gt; = 0 &lt;argument hex after&gt;   (or "= EINVAL")
 * mmap 3 115200 0 = m0
 * data m0 &lt;base64 of the deflated bytes the driver filled, written after each successful DQBUF&gt;
 * poll 3 = 0x1                              (the events, 0 for a timeout)
 * munmap m0
 * close 3
 * </pre>
 */
public final class TraceFormat {
	private TraceFormat() {
	}

	public static final HexFormat HEX = HexFormat.of();

	public static String pack(byte[] bytes) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		deflater.setInput(bytes);
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] chunk = new byte[8192];
		while (!deflater.finished()) {
			out.write(chunk, 0, deflater.deflate(chunk));
		}
		deflater.end();
		return Base64.getEncoder().encodeToString(out.toByteArray());
	}

	public static byte[] unpack(String text) {
		Inflater inflater = new Inflater();
		inflater.setInput(Base64.getDecoder().decode(text));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] chunk = new byte[8192];
		try {
			while (!inflater.finished()) {
				int n = inflater.inflate(chunk);
				if (n == 0 && inflater.needsInput()) {
					throw new IllegalArgumentException("truncated frame data in trace");
				}
				out.write(chunk, 0, n);
			}
		} catch (DataFormatException e) {
			throw new IllegalArgumentException("corrupt frame data in trace", e);
		} finally {
			inflater.end();
		}
		return out.toByteArray();
	}
}
