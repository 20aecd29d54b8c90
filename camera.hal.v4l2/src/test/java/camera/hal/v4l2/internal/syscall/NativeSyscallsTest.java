package camera.hal.v4l2.internal.syscall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FFM calls against ordinary files, which every Linux machine has (real V4L2 runs in the QEMU test). */
class NativeSyscallsTest {
	private final NativeSyscalls syscalls = new NativeSyscalls();

	@TempDir
	Path directory;

	private Path file(byte[] content) throws IOException {
		return Files.write(directory.resolve("video0"), content);
	}

	@Nested
	class Errors {
		@Test
		void openingAMissingNodeFailsWithEnoent() {
			assertThatThrownBy(() -> syscalls.open(directory.resolve("missing").toString(), Syscalls.O_RDWR))
					.isInstanceOfSatisfying(SyscallException.class,
							e -> assertThat(e.errno()).isEqualTo(SyscallException.ENOENT));
		}

		@Test
		void aV4l2IoctlOnAPlainFileFailsWithEnotty() throws IOException {
			int fd = syscalls.open(file(new byte[16]).toString(), Syscalls.O_RDWR);
			try (Arena arena = Arena.ofConfined()) {
				assertThatThrownBy(() -> syscalls.ioctl(fd, 0x80685600L, arena.allocate(104)))
						.isInstanceOfSatisfying(SyscallException.class,
								e -> assertThat(e.errno()).isEqualTo(SyscallException.ENOTTY));
			} finally {
				syscalls.close(fd);
			}
		}

		@Test
		void closingADescriptorTwiceFailsWithEbadf() throws IOException {
			int fd = syscalls.open(file(new byte[16]).toString(), Syscalls.O_RDWR);
			syscalls.close(fd);

			assertThatThrownBy(() -> syscalls.close(fd)).isInstanceOfSatisfying(SyscallException.class,
					e -> assertThat(e.getMessage()).isEqualTo("close failed: errno 9"));
		}
	}

	@Nested
	class Mapping {
		@Test
		void mapsTheBytesOfTheDescriptorAndUnmapsThem() throws IOException {
			byte[] content = new byte[4096];
			content[4095] = 42;
			int fd = syscalls.open(file(content).toString(), Syscalls.O_RDWR);
			try {
				MemorySegment mapping = syscalls.mmap(fd, 4096, 0);

				assertThat(mapping.byteSize()).isEqualTo(4096);
				assertThat(mapping.get(ValueLayout.JAVA_BYTE, 4095)).isEqualTo((byte) 42);
				syscalls.munmap(mapping);
			} finally {
				syscalls.close(fd);
			}
		}

		@Test
		void aPlainFileIsReadableAtOnceForPoll() throws IOException {
			int fd = syscalls.open(file(new byte[16]).toString(), Syscalls.O_RDWR);
			try {
				assertThat(syscalls.poll(fd, Syscalls.POLLIN, 1000) & Syscalls.POLLIN).isEqualTo(Syscalls.POLLIN);
			} finally {
				syscalls.close(fd);
			}
		}
	}
}
