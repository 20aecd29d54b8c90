package camera.deferred.internal.jobs;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The CRC32C checksums of one frame's spool file, one per span of {@code span} bytes from the file's start (the
 * last span may be shorter). A frame is cut into spans because its parts are written on several threads at once,
 * each checksumming its own rows; phase 2 checks every span before it uses the frame, since a power loss can leave
 * a file that is truncated or whose tail never reached the disk (it reads as zeros).
 *
 * @param storedBytes the length of the file
 * @param span        bytes each checksum covers
 * @param checksums   the checksum of each span, in file order
 */
record FrameChecksums(long storedBytes, int span, List<Integer> checksums) {
	private static final HexFormat HEX = HexFormat.of();

	FrameChecksums {
		checksums = List.copyOf(checksums);
		if (span <= 0 && storedBytes > 0 || checksums.size() != spans(storedBytes, span)) {
			throw new IllegalArgumentException(checksums.size() + " checksums for " + storedBytes + " bytes in spans of "
					+ span);
		}
	}

	/** @return the checksums of the bytes from the buffer's position to its limit, in spans of {@code span} */
	static FrameChecksums of(ByteBuffer bytes, int span) {
		int base = bytes.position();
		int length = bytes.remaining();
		List<Integer> checksums = new ArrayList<>();
		for (int from = 0; from < length; from += span) {
			checksums.add(checksum(bytes.duplicate().limit(base + Math.min(from + span, length)).position(base + from)));
		}
		return new FrameChecksums(length, span, checksums);
	}

	/** @return the checksum of the bytes from the buffer's position to its limit; the buffer is not moved */
	static int checksum(ByteBuffer bytes) {
		CRC32C crc = new CRC32C();
		crc.update(bytes.duplicate());
		return (int) crc.getValue();
	}

	/** @return what is wrong with the stored bytes (position 0 to limit), or empty when every span matches */
	Optional<String> damage(ByteBuffer stored) {
		if (stored.limit() != storedBytes) {
			return Optional.of("holds " + stored.limit() + " of its " + storedBytes + " bytes");
		}
		List<Integer> bad = new ArrayList<>();
		for (int i = 0; i < checksums.size(); i++) {
			int from = i * span;
			int to = (int) Math.min((long) from + span, storedBytes);
			if (checksum(stored.duplicate().limit(to).position(from)) != checksums.get(i)) {
				bad.add(from);
			}
		}
		if (bad.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("fails its checksum in " + bad.size() + " of " + checksums.size() + " spans, the first at byte "
				+ bad.getFirst());
	}

	/** @return the checksums as one property value: {@code <span>:<hex>,<hex>,...} */
	String format() {
		StringBuilder text = new StringBuilder().append(span).append(':');
		for (int i = 0; i < checksums.size(); i++) {
			text.append(i == 0 ? "" : ",").append(HEX.toHexDigits(checksums.get(i)));
		}
		return text.toString();
	}

	/** @throws IllegalArgumentException when the text is not of the form {@link #format()} writes */
	static FrameChecksums parse(String text, long storedBytes) {
		int colon = text.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException("no span in frame checksums " + text);
		}
		int span = Integer.parseInt(text.substring(0, colon));
		List<Integer> checksums = new ArrayList<>();
		String list = text.substring(colon + 1);
		if (!list.isEmpty()) {
			for (String hex : list.split(",")) {
				checksums.add((int) HEX.fromHexDigitsToLong(hex));
			}
		}
		return new FrameChecksums(storedBytes, span, checksums);
	}

	private static long spans(long storedBytes, int span) {
		return storedBytes == 0 ? 0 : Math.ceilDiv(storedBytes, span);
	}
}
