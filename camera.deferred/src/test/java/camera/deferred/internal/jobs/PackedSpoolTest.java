package camera.deferred.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntBinaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.deferred.internal.testing.TestSupport;

class PackedSpoolTest {
	@TempDir
	Path data;

	private final List<Spool> spools = new ArrayList<>();

	@AfterEach
	void closeSpools() {
		spools.forEach(Spool::close);
	}

	/** @return a spool over the test's directory, as a fresh start of the engine opens it */
	private Spool spool() {
		Spool spool = new Spool(data.resolve("spool"), TestSupport.logger());
		spools.add(spool);
		return spool;
	}

	/** @return a spool over the test's directory that writes its frames as {@code io} says */
	private Spool spool(DirectIo io) {
		Spool spool = new Spool(data.resolve("spool"), io, SpoolSync.FSYNC, TestSupport.logger());
		spools.add(spool);
		return spool;
	}

	@Nested
	class TwelveBitFrames {
		@Test
		void anOddWidthFrameReadsBackSampleForSample() throws IOException {
			Random random = new Random(7);
			RawFrame frame = bayer(9, 5, 18, 4095, (x, y) -> random.nextInt(4096));

			RawFrame read = roundTrip(frame);

			assertSameSamples(read, frame);
		}

		@Test
		void framesLentInTheHalsReadOnlyNativeBuffersReadBackSampleForSample() throws IOException {
			Random random = new Random(13);
			for (int width : new int[] { 9, 10, 12, 33 }) {
				RawFrame heap = bayer(width, 5, width * 2 + 4, 4095, (x, y) -> random.nextInt(4096));
				ByteBuffer lentBuffer = ByteBuffer.allocateDirect(heap.data().capacity());
				lentBuffer.put(heap.data().duplicate().position(0)).flip();
				RawFrame lent = new RawFrame(heap.format(), heap.width(), heap.height(), heap.stride(),
						lentBuffer.asReadOnlyBuffer(), heap.metadata());

				assertSameSamples(roundTrip(lent), heap);
			}
		}

		@Test
		void aStrideWiderThanTheRowKeepsItsStrideAndZeroPadding() throws IOException {
			Random random = new Random(11);
			RawFrame frame = bayer(10, 4, 28, 4095, (x, y) -> random.nextInt(4096));

			RawFrame read = roundTrip(frame);

			assertSameSamples(read, frame);
			assertThat(read.stride()).isEqualTo(28);
			assertThat(read.data().limit()).isEqualTo(frame.data().limit());
			assertThat(read.data().get(20)).isZero();
			assertThat(read.data().get(27)).isZero();
		}

		@Test
		void theExtremeSamplesZeroAnd4095SurviveInEveryPosition() throws IOException {
			RawFrame frame = bayer(7, 3, 14, 4095, (x, y) -> (x + y) % 2 == 0 ? 0 : 4095);

			assertSameSamples(roundTrip(frame), frame);
		}

		@Test
		void aFourFrameBurstOfRandomSamplesReadsBackWhole() throws IOException {
			Random random = new Random(3);
			List<RawFrame> frames = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				frames.add(bayer(33, 17, 66, 4000, (x, y) -> random.nextInt(4096)));
			}
			String jobId = UUID.randomUUID().toString();
			Spool spool = spool();

			WholeBursts.write(spool, jobId, burst(frames), Instant.EPOCH);
			List<RawFrame> read = spool.read(jobId).burst().frames();

			for (int i = 0; i < 4; i++) {
				assertSameSamples(read.get(i), frames.get(i));
			}
		}

		@Test
		void aFrameIsStoredInThreeQuartersOfItsBytes() throws IOException {
			RawFrame frame = bayer(8, 6, 16, 1023, (x, y) -> x * 100 + y);
			String jobId = UUID.randomUUID().toString();

			WholeBursts.write(spool(), jobId, burst(List.of(frame)), Instant.EPOCH);

			assertThat(Files.size(data.resolve("spool").resolve(jobId).resolve("frame-0.raw"))).isEqualTo(8 * 6 * 3 / 2);
		}
	}

	/** Frames tall enough to be written in several parts, each from a block boundary of the file. */
	@Nested
	class FramesInParts {
		/** A width whose packed row (3072 bytes) puts a 4096-byte block boundary every fourth row. */
		private static final int WIDTH = 2048;

		@Test
		void aFrameInPartsWithBlockAlignedWritesReadsBackAtItsExactLength() throws IOException {
			Random random = new Random(13);
			// 41 rows: the parts end at rows 12, 24 and 36, and the last one in the middle of a block.
			RawFrame frame = bayer(WIDTH, 41, WIDTH * 2, 4095, (x, y) -> random.nextInt(4096));
			String jobId = UUID.randomUUID().toString();

			RawFrame read = roundTrip(spool(new DirectIo(false, 4096)), jobId, frame);

			assertSameSamples(read, frame);
			assertThat(Files.size(frameFile(jobId))).isEqualTo(41L * WIDTH * 3 / 2);
		}

		@Test
		void aFrameWhoseRowsNeverMeetABlockBoundaryIsOnePaddedPartCutBackToLength() throws IOException {
			Random random = new Random(17);
			RawFrame frame = bayer(9, 50, 18, 4095, (x, y) -> random.nextInt(4096));
			String jobId = UUID.randomUUID().toString();

			RawFrame read = roundTrip(spool(new DirectIo(false, 4096)), jobId, frame);

			assertSameSamples(read, frame);
			assertThat(Files.size(frameFile(jobId))).isEqualTo(50L * TwelveBitPacking.rowBytes(9));
		}

		@Test
		void aSampleAboveTwelveBitsInTheLastPartKeepsTheWholeFrameByteForByte() throws IOException {
			RawFrame frame = bayer(WIDTH, 41, WIDTH * 2, 4095, (x, y) -> y == 40 && x == 5 ? 4097 : x % 4096);
			String jobId = UUID.randomUUID().toString();

			RawFrame read = roundTrip(spool(new DirectIo(false, 4096)), jobId, frame);

			assertThat(read.data()).isEqualTo(frame.data());
			assertThat(Files.size(frameFile(jobId))).isEqualTo(frame.data().limit());
		}

		@Test
		void withDirectIoWhereTheFileSystemHasItABurstReadsBackWhole() throws IOException {
			Files.createDirectories(data.resolve("spool"));
			DirectIo io = DirectIo.probe(data.resolve("spool"));
			assumeTrue(io.enabled(), "the temporary directory's file system does not take direct I/O");
			Random random = new Random(19);
			List<RawFrame> frames = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				frames.add(bayer(WIDTH, 41 + i, WIDTH * 2, 4095, (x, y) -> random.nextInt(4096)));
			}
			String jobId = UUID.randomUUID().toString();
			Spool spool = spool(io);

			WholeBursts.write(spool, jobId, burst(frames), Instant.EPOCH);
			List<RawFrame> read = spool.read(jobId).burst().frames();

			for (int i = 0; i < 4; i++) {
				assertSameSamples(read.get(i), frames.get(i));
			}
		}

		private Path frameFile(String jobId) {
			return data.resolve("spool").resolve(jobId).resolve("frame-0.raw");
		}
	}

	@Nested
	class FramesKeptWhole {
		@Test
		void aSixteenBitWhiteLevelKeepsTheFrameUnpacked() throws IOException {
			RawFrame frame = bayer(8, 4, 16, 65535, (x, y) -> x * 1000 + y);
			String jobId = UUID.randomUUID().toString();

			RawFrame read = roundTrip(jobId, frame);

			assertThat(Files.size(data.resolve("spool").resolve(jobId).resolve("frame-0.raw"))).isEqualTo(8 * 4 * 2);
			assertThat(read.data()).isEqualTo(frame.data());
		}

		@Test
		void aSampleAboveTwelveBitsDespiteTheWhiteLevelKeepsTheFrameByteForByte() throws IOException {
			RawFrame frame = bayer(8, 4, 18, 4095, (x, y) -> x == 7 && y == 3 ? 4096 : 100);
			frame.data().put(17, (byte) 0x5A);
			String jobId = UUID.randomUUID().toString();

			RawFrame read = roundTrip(jobId, frame);

			assertThat(Files.size(data.resolve("spool").resolve(jobId).resolve("frame-0.raw")))
					.isEqualTo(frame.data().limit());
			assertThat(read.data()).isEqualTo(frame.data());
		}

		@Test
		void aYuyvFrameIsStoredByteForByte() throws IOException {
			ByteBuffer pixels = ByteBuffer.allocate(4 * 2 * 3);
			new Random(5).nextBytes(pixels.array());
			RawFrame frame = new RawFrame(PixelFormat.YUYV, 4, 3, 8, pixels,
					new FrameMetadata(1, 1, 100, 0, 255, null));

			RawFrame read = roundTrip(frame);

			assertThat(read.format()).isEqualTo(PixelFormat.YUYV);
			assertThat(read.data()).isEqualTo(frame.data());
		}
	}

	@Nested
	class Recovery {
		@Test
		void aSpoolWrittenBeforeEncodingsExistedStillReads() throws IOException {
			RawFrame frame = bayer(6, 4, 12, 1023, (x, y) -> x + 10 * y);
			CapturedBurst burst = burst(List.of(frame));
			String jobId = UUID.randomUUID().toString();
			Path job = Files.createDirectories(data.resolve("spool").resolve(jobId));
			Files.write(job.resolve("frame-0.raw"), frame.data().array());
			FrameFileWriter.Written raw = new FrameFileWriter.Written(FrameEncoding.RAW,
					FrameChecksums.of(frame.data(), frame.data().limit()));
			String legacy = BurstMetadata.write(burst, Instant.EPOCH, List.of(raw)).lines()
					.filter(line -> !line.startsWith("frame.0.encoding") && !line.startsWith("frame.0.bytes")
							&& !line.startsWith("frame.0.storedBytes") && !line.startsWith("frame.0.checksums"))
					.reduce("", (text, line) -> text + line + "\n");
			Files.writeString(job.resolve(BurstMetadata.FILE_NAME), legacy, StandardCharsets.UTF_8);

			RawFrame read = spool().read(jobId).burst().frames().get(0);

			assertThat(spool().recover()).containsExactly(jobId);
			assertThat(read.data()).isEqualTo(frame.data());
			assertThat(read.stride()).isEqualTo(12);
		}
	}

	private RawFrame roundTrip(RawFrame frame) throws IOException {
		return roundTrip(UUID.randomUUID().toString(), frame);
	}

	private RawFrame roundTrip(String jobId, RawFrame frame) throws IOException {
		return roundTrip(spool(), jobId, frame);
	}

	private RawFrame roundTrip(Spool spool, String jobId, RawFrame frame) throws IOException {
		WholeBursts.write(spool, jobId, burst(List.of(frame)), Instant.EPOCH);
		RawFrame read = spool().read(jobId).burst().frames().get(0);
		assertThat(read.metadata()).isEqualTo(frame.metadata());
		assertThat(read.width()).isEqualTo(frame.width());
		assertThat(read.height()).isEqualTo(frame.height());
		assertThat(read.format()).isEqualTo(frame.format());
		return read;
	}

	private static void assertSameSamples(RawFrame read, RawFrame written) {
		assertThat(read.format()).isEqualTo(PixelFormat.RAW_BAYER16);
		assertThat(read.stride()).isEqualTo(written.stride());
		ByteBuffer actual = read.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
		ByteBuffer expected = written.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
		for (int y = 0; y < written.height(); y++) {
			for (int x = 0; x < written.width(); x++) {
				int at = y * written.stride() + x * 2;
				assertThat(actual.getShort(at)).as("sample %d,%d", x, y).isEqualTo(expected.getShort(at));
			}
		}
	}

	/** A Bayer frame whose padding bytes are not zero, so that a reader relying on them would show. */
	private static RawFrame bayer(int width, int height, int stride, int whiteLevel, IntBinaryOperator sample) {
		ByteBuffer pixels = ByteBuffer.allocate(stride * height).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < pixels.capacity(); i++) {
			pixels.put(i, (byte) 0xA5);
		}
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				pixels.putShort(y * stride + x * 2, (short) sample.applyAsInt(x, y));
			}
		}
		return new RawFrame(PixelFormat.RAW_BAYER16, width, height, stride, pixels.order(ByteOrder.BIG_ENDIAN),
				new FrameMetadata(42, 10_000_000, 100, 64, whiteLevel, BayerPattern.RGGB));
	}

	private static CapturedBurst burst(List<RawFrame> frames) {
		CapturedBurst template = new EngineFixture(Path.of("unused")).burst();
		return new CapturedBurst(frames, template.camera(), template.setting(), template.captureTime());
	}
}
