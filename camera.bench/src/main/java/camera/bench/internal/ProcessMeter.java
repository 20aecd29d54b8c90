package camera.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What the platform's process has used, as Linux tells it in {@code /proc/self}: CPU time (user and system, all
 * threads, in clock ticks of 1/100 s, the USER_HZ of every Linux ABI) and the resident set. Elsewhere, or when the
 * files cannot be read, nothing is known.
 */
final class ProcessMeter {
	private static final Path STAT = Path.of("/proc/self/stat");
	private static final Path STATUS = Path.of("/proc/self/status");
	private static final long NANOS_PER_TICK = 10_000_000L;

	private ProcessMeter() {
	}

	/** @return the CPU time the process has used so far, in nanoseconds */
	static OptionalLong cpuNanos() {
		try {
			return OptionalLong.of(cpuNanos(Files.readString(STAT)));
		} catch (IOException | RuntimeException e) {
			return OptionalLong.empty();
		}
	}

	/** @return the resident set of the process now, in bytes */
	static OptionalLong residentBytes() {
		try {
			return OptionalLong.of(residentBytes(Files.readString(STATUS)));
		} catch (IOException | RuntimeException e) {
			return OptionalLong.empty();
		}
	}

	/** @return utime + stime of a {@code /proc/<pid>/stat} line, in nanoseconds */
	static long cpuNanos(String stat) {
		// The command name in parentheses may hold spaces: fields are counted after its closing parenthesis.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
	}

	/** @return VmRSS of a {@code /proc/<pid>/status} text, in bytes */
	static long residentBytes(String status) {
		for (String line : status.split("\n")) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").strip()) * 1024;
			}
		}
		throw new IllegalArgumentException("no VmRSS line");
	}
}
