package camera.hal.v4l2.internal.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import camera.hal.v4l2.internal.syscall.SyscallException;
import camera.hal.v4l2.internal.syscall.Syscalls;

/**
 * Answers system calls from a recorded trace ({@link TraceFormat}), checking that each call is the one recorded,
 * with the same argument bytes. A fault can be injected at a recorded call: from there on the replay plays a
 * device that is gone (every ioctl fails with ENODEV, poll reports POLLERR | POLLHUP) or one that answered a
 * single call with an error and accepts whatever clean-up follows.
 */
public final class ReplayingSyscalls implements Syscalls {
	private final List<String[]> records;
	private final Arena arena = Arena.ofAuto();
	private final Map<String, MemorySegment> mappingsById = new HashMap<>();
	private final Set<Integer> openDescriptors = new HashSet<>();
	private final Set<Long> liveMappings = new HashSet<>();
	private int next;
	private String faultCall;
	private int faultOccurrence;
	private int faultErrno;
	private boolean deviceGone;
	private boolean offScript;

	private ReplayingSyscalls(List<String[]> records) {
		this.records = records;
	}

	/**
	 * @return a replay of traces in this module's test resources, one after the other, e.g.
	 *         {@code traces/vivid-capture-yuyv.trace}
	 */
	public static ReplayingSyscalls of(String... resources) {
		List<String> lines = new ArrayList<>();
		for (String resource : resources) {
			lines.addAll(lines(resource));
		}
		return fromLines(lines);
	}

	/** @return a replay of trace lines, e.g. a recorded trace edited by a test */
	public static ReplayingSyscalls fromLines(List<String> lines) {
		List<String[]> records = new ArrayList<>();
		for (String line : lines) {
			if (!line.isBlank() && !line.startsWith("#")) {
				records.add(line.trim().split(" "));
			}
		}
		return new ReplayingSyscalls(records);
	}

	/** @return the lines of a trace in this module's test resources */
	public static List<String> lines(String resource) {
		try (InputStream in = ReplayingSyscalls.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("no trace " + resource);
			}
			return List.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n"));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The {@code occurrence}-th (from 1) recorded call {@code ioctl REQUEST} or {@code poll} fails with errno; errno
	 * 0 on {@code poll} plays a device that stops sending frames (every poll times out).
	 */
	public ReplayingSyscalls failing(String call, int occurrence, int errno) {
		this.faultCall = call;
		this.faultOccurrence = occurrence;
		this.faultErrno = errno;
		return this;
	}

	/** @return whether every recorded call was made (or the replay left the script at an injected fault) */
	public synchronized boolean finished() {
		return offScript || next == records.size();
	}

	public synchronized Set<Integer> openDescriptors() {
		return Set.copyOf(openDescriptors);
	}

	public synchronized int liveMappings() {
		return liveMappings.size();
	}

	@Override
	public synchronized int open(String path, int flags) {
		if (offScript) {
			throw new SyscallException("open " + path, deviceGone ? SyscallException.ENODEV : faultErrno);
		}
		String[] record = expect("open", path);
		int fd = result(record, "open " + path, 2);
		openDescriptors.add(fd);
		return fd;
	}

	/**
	 * A device may be closed at any point, so a test may stop early: the replay then skips to the recorded close
	 * of that descriptor, dropping the calls in between, which can no longer happen.
	 */
	@Override
	public synchronized void close(int fd) {
		if (!offScript) {
			String[] call = { "close", Integer.toString(fd) };
			int at = next;
			while (at < records.size() && !Arrays.equals(records.get(at), call)) {
				at++;
			}
			if (at == records.size()) {
				throw new AssertionError("the HAL closed descriptor " + fd + ", which the trace never closes");
			}
			next = at + 1;
		}
		openDescriptors.remove(fd);
	}

	@Override
	public synchronized int ioctl(int fd, long request, MemorySegment argument) {
		String name = V4l2Requests.name(request);
		if (offScript) {
			if (deviceGone) {
				throw new SyscallException("ioctl " + name, SyscallException.ENODEV);
			}
			return 0;
		}
		String[] record = expect("ioctl", Integer.toString(fd), name,
				TraceFormat.HEX.formatHex(argument.toArray(ValueLayout.JAVA_BYTE)));
		inject("ioctl " + name);
		int result = result(record, "ioctl " + name, 4);
		argument.copyFrom(MemorySegment.ofArray(TraceFormat.HEX.parseHex(record[6])));
		if (next < records.size() && records.get(next)[0].equals("data")) {
			String[] data = records.get(next++);
			byte[] filled = TraceFormat.unpack(data[2]);
			mappingsById.get(data[1]).copyFrom(MemorySegment.ofArray(filled));
		}
		return result;
	}

	@Override
	public synchronized MemorySegment mmap(int fd, long length, long offset) {
		if (offScript) {
			throw new SyscallException("mmap", SyscallException.ENODEV);
		}
		String[] record = expect("mmap", Integer.toString(fd), Long.toString(length), Long.toString(offset));
		MemorySegment segment = arena.allocate(length);
		mappingsById.put(record[5], segment);
		liveMappings.add(segment.address());
		return segment;
	}

	@Override
	public synchronized void munmap(MemorySegment mapping) {
		if (!offScript) {
			String id = mappingsById.entrySet().stream().filter(e -> e.getValue().address() == mapping.address())
					.map(Map.Entry::getKey).findFirst().orElse("unknown");
			expect("munmap", id);
		}
		liveMappings.remove(mapping.address());
	}

	@Override
	public synchronized short poll(int fd, short events, int timeoutMillis) {
		if (offScript) {
			return deviceGone ? (short) (POLLERR | POLLHUP) : faultErrno == 0 ? 0 : POLLIN;
		}
		String[] record = expect("poll", Integer.toString(fd));
		if (inject("poll")) {
			return 0;
		}
		return (short) Integer.parseInt(record[3].substring(2), 16);
	}

	/**
	 * Fails the current call when it is the chosen occurrence, and leaves the script from there on.
	 *
	 * @return true when the fault is a poll timing out rather than an error
	 */
	private boolean inject(String call) {
		if (call.equals(faultCall) && --faultOccurrence == 0) {
			offScript = true;
			deviceGone = faultErrno == SyscallException.ENODEV;
			if (faultErrno == 0) {
				return true;
			}
			throw new SyscallException(call, faultErrno);
		}
		return false;
	}

	private String[] expect(String... call) {
		if (next >= records.size()) {
			throw new AssertionError("the trace ended, but the HAL called " + String.join(" ", call));
		}
		String[] record = records.get(next);
		for (int i = 0; i < call.length; i++) {
			if (i >= record.length || !record[i].equals(call[i])) {
				throw new AssertionError("the HAL left the trace at call " + (next + 1) + ": recorded "
						+ abbreviate(String.join(" ", record)) + " but called " + abbreviate(String.join(" ", call)));
			}
		}
		next++;
		return record;
	}

	private static int result(String[] record, String call, int equalsAt) {
		String result = record[equalsAt + 1];
		if (Character.isDigit(result.charAt(0))) {
			return Integer.parseInt(result);
		}
		throw new SyscallException(call, SyscallException.valueOf(result));
	}

	private static String abbreviate(String text) {
		return text.length() > 160 ? text.substring(0, 160) + "..." : text;
	}
}
