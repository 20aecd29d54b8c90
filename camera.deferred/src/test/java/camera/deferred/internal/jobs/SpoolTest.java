package camera.deferred.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import camera.api.ImageRotation;
import camera.api.Location;
import camera.api.PhotoCaptureSetting;
import camera.api.QualityLevel;
import camera.deferred.internal.testing.TestSupport;

class SpoolTest {
	@TempDir
	Path data;

	private EngineFixture fixture() {
		return new EngineFixture(data);
	}

	@Nested
	class Writing {
		@Test
		void aBurstReadsBackWithItsFramesCameraSettingAndMetadata() throws IOException {
			EngineFixture fixture = fixture();
			CapturedBurst original = fixture.burst();
			CapturedBurst burst = new CapturedBurst(original.frames(), original.camera(),
					new PhotoCaptureSetting(QualityLevel.MEDIUM, ImageRotation.ROTATION_90, true,
							new Location(48.1, 11.5, 520)),
					original.captureTime());
			String jobId = UUID.randomUUID().toString();
			Instant accepted = Instant.parse("2026-11-21T10:00:01Z");

			WholeBursts.write(fixture.spool(), jobId, burst, accepted);
			BurstMetadata.Stored stored = fixture.spool().read(jobId);

			assertThat(stored.acceptedAt()).isEqualTo(accepted);
			assertThat(stored.burst().camera()).isEqualTo(burst.camera());
			assertThat(stored.burst().setting()).isEqualTo(burst.setting());
			assertThat(stored.burst().captureTime()).isEqualTo(burst.captureTime());
			assertThat(stored.burst().frames()).hasSize(2);
			for (int i = 0; i < 2; i++) {
				var written = burst.frames().get(i);
				var read = stored.burst().frames().get(i);
				assertThat(read.metadata()).isEqualTo(written.metadata());
				assertThat(read.format()).isEqualTo(written.format());
				assertThat(read.stride()).isEqualTo(written.stride());
				assertThat(read.data()).isEqualTo(written.data().duplicate().position(0));
			}
		}

		@Test
		void aWrittenJobLeavesNoPartialDirectory() throws IOException {
			String jobId = UUID.randomUUID().toString();

			WholeBursts.write(fixture().spool(), jobId, fixture().burst(), Instant.EPOCH);

			try (var entries = Files.list(data.resolve("spool"))) {
				assertThat(entries).extracting(p -> p.getFileName().toString()).containsExactly(jobId);
			}
		}
	}

	@Nested
	class FrameChecks {
		private Path frameFile(String jobId, int index) {
			return data.resolve("spool").resolve(jobId).resolve("frame-" + index + ".raw");
		}

		private String spooled(CapturedBurst burst) throws IOException {
			String jobId = UUID.randomUUID().toString();
			WholeBursts.write(fixture().spool(), jobId, burst, Instant.EPOCH, Durability.PROCESS);
			return jobId;
		}

		private void zeroSecondHalf(Path file) throws IOException {
			byte[] bytes = Files.readAllBytes(file);
			Arrays.fill(bytes, bytes.length / 2, bytes.length, (byte) 0);
			Files.write(file, bytes);
		}

		@Test
		void aFrameWhoseSecondHalfIsZeroedIsLeftOutAndNamed() throws IOException {
			CapturedBurst burst = fixture().burst();
			String jobId = spooled(burst);
			zeroSecondHalf(frameFile(jobId, 1));

			BurstMetadata.Stored stored = new Spool(data.resolve("spool"), TestSupport.logger()).read(jobId);

			assertThat(stored.burst().frames()).extracting(frame -> frame.metadata())
				.containsExactly(burst.frames().getFirst().metadata());
			assertThat(stored.damage()).singleElement().asString().startsWith("frame 1 fails its checksum");
		}

		@Test
		void aTruncatedFrameIsLeftOut() throws IOException {
			String jobId = spooled(fixture().burst());
			byte[] bytes = Files.readAllBytes(frameFile(jobId, 0));
			Files.write(frameFile(jobId, 0), Arrays.copyOf(bytes, bytes.length / 3));

			BurstMetadata.Stored stored = fixture().spool().read(jobId);

			assertThat(stored.burst().frames()).hasSize(1);
			assertThat(stored.damage()).singleElement().asString().startsWith("frame 0 holds " + bytes.length / 3
					+ " of its " + bytes.length + " bytes");
		}

		@Test
		void aFrameWhoseFileIsGoneIsLeftOut() throws IOException {
			String jobId = spooled(fixture().burst());
			Files.delete(frameFile(jobId, 0));

			BurstMetadata.Stored stored = fixture().spool().read(jobId);

			assertThat(stored.burst().frames()).hasSize(1);
			assertThat(stored.damage()).containsExactly("frame 0 is gone");
		}

		@Test
		void aPackedFrameWithAZeroedTailIsLeftOut() throws IOException {
			String jobId = spooled(fixture().twelveBitBurst());
			zeroSecondHalf(frameFile(jobId, 0));

			BurstMetadata.Stored stored = fixture().spool().read(jobId);

			assertThat(stored.burst().frames()).hasSize(1);
			assertThat(stored.damage()).singleElement().asString().startsWith("frame 0 fails its checksum");
		}

		@Test
		void aBurstWithNoIntactFrameIsRefusedAsDamaged() throws IOException {
			String jobId = spooled(fixture().burst());
			zeroSecondHalf(frameFile(jobId, 0));
			Files.write(frameFile(jobId, 1), new byte[0]);

			assertThatThrownBy(() -> fixture().spool().read(jobId)).isInstanceOf(SpoolDamagedException.class)
				.hasMessageContaining("not one of the 2 frames of job " + jobId + " is intact")
				.hasMessageContaining("frame 0 fails its checksum")
				.hasMessageContaining("frame 1 holds 0 of its");
		}

		@Test
		void anIntactBurstReadsWithoutDamage() throws IOException {
			String jobId = spooled(fixture().burst());

			assertThat(fixture().spool().read(jobId).damage()).isEmpty();
		}
	}

	@Nested
	class Recovery {
		@Test
		void aHalfWrittenJobIsDiscarded() throws IOException {
			String complete = UUID.randomUUID().toString();
			Spool spool = fixture().spool();
			WholeBursts.write(spool, complete, fixture().burst(), Instant.EPOCH);
			Path partial = data.resolve("spool").resolve(UUID.randomUUID() + ".partial");
			Files.createDirectories(partial);
			Files.write(partial.resolve("frame-0.raw"), new byte[10]);

			assertThat(spool.recover()).containsExactly(complete);
			assertThat(partial).doesNotExist();
		}

		@Test
		void interruptedAttemptsSurviveAReread() throws IOException {
			String jobId = UUID.randomUUID().toString();
			Spool spool = fixture().spool();
			WholeBursts.write(spool, jobId, fixture().burst(), Instant.EPOCH);

			spool.recordInterruptedAttempts(jobId, 2);

			assertThat(new Spool(data.resolve("spool"), TestSupport.logger()).entry(jobId).interruptedAttempts()).isEqualTo(2);
		}

		@Test
		void aMetadataFileWithItsSecondHalfZeroedIsReadFromItsCopy() throws IOException {
			String jobId = UUID.randomUUID().toString();
			WholeBursts.write(fixture().spool(), jobId, fixture().burst(), Instant.EPOCH);
			Path metadata = data.resolve("spool").resolve(jobId).resolve("burst.properties");
			byte[] bytes = Files.readAllBytes(metadata);
			Arrays.fill(bytes, bytes.length / 2, bytes.length, (byte) 0);
			Files.write(metadata, bytes);

			Spool restarted = new Spool(data.resolve("spool"), TestSupport.logger());

			assertThat(restarted.entry(jobId).damage()).isNull();
			assertThat(restarted.read(jobId).burst().frames()).hasSize(2);
		}

		@Test
		void aMissingMetadataFileIsReadFromItsCopy() throws IOException {
			String jobId = UUID.randomUUID().toString();
			WholeBursts.write(fixture().spool(), jobId, fixture().burst(), Instant.EPOCH);
			Files.delete(data.resolve("spool").resolve(jobId).resolve("burst.properties"));

			Spool restarted = new Spool(data.resolve("spool"), TestSupport.logger());

			assertThat(restarted.contains(jobId)).isTrue();
			assertThat(restarted.read(jobId).burst().frames()).hasSize(2);
		}

		@Test
		void whenBothCopiesAreDamagedTheJobIsUnreadableSayingWhy() throws IOException {
			String jobId = UUID.randomUUID().toString();
			WholeBursts.write(fixture().spool(), jobId, fixture().burst(), Instant.EPOCH);
			Path job = data.resolve("spool").resolve(jobId);
			Files.writeString(job.resolve("burst.properties"), "frames=2\nchecksum=00000000\n");
			Files.write(job.resolve("burst.properties.copy"), new byte[64]);

			assertThatThrownBy(() -> new Spool(data.resolve("spool"), TestSupport.logger()).read(jobId)).isInstanceOf(IOException.class)
				.hasMessageContaining("checksum does not match").hasMessageContaining("zeroed");
		}

		@Test
		void metadataWrittenBeforeSealsStillReads() throws IOException {
			String jobId = UUID.randomUUID().toString();
			WholeBursts.write(fixture().spool(), jobId, fixture().burst(), Instant.EPOCH);
			Path job = data.resolve("spool").resolve(jobId);
			String sealed = Files.readString(job.resolve("burst.properties"));
			Files.writeString(job.resolve("burst.properties"), sealed.substring(0, sealed.lastIndexOf("checksum=")));
			Files.delete(job.resolve("burst.properties.copy"));

			assertThat(new Spool(data.resolve("spool"), TestSupport.logger()).read(jobId).burst().frames()).hasSize(2);
		}

		@Test
		void anUnreadableAttemptsCounterCountsAgainFromZeroAndKeepsTheFrames() throws IOException {
			String jobId = UUID.randomUUID().toString();
			WholeBursts.write(fixture().spool(), jobId, fixture().burst(), Instant.EPOCH);
			Files.write(data.resolve("spool").resolve(jobId).resolve("interrupted-attempts"), new byte[] {0, 0, 7});

			Spool.Entry entry = new Spool(data.resolve("spool"), TestSupport.logger()).entry(jobId);

			assertThat(entry.interruptedAttempts()).isZero();
			assertThat(entry.damage()).contains("counted again from 0");
		}

		@Test
		void aDeletedJobIsGoneWhole() throws IOException {
			String jobId = UUID.randomUUID().toString();
			Spool spool = fixture().spool();
			WholeBursts.write(spool, jobId, fixture().burst(), Instant.EPOCH);

			long freed = spool.delete(jobId);

			assertThat(freed).isGreaterThanOrEqualTo(2 * EngineFixture.FRAME_BYTES);
			assertThat(spool.recover()).isEmpty();
			assertThat(spool.contains(jobId)).isFalse();
		}
	}

	@Test
	void onlyEngineJobIdsNameSpoolDirectories() {
		assertThat(Spool.isJobId(UUID.randomUUID().toString())).isTrue();
		assertThat(Spool.isJobId("../../etc")).isFalse();
		assertThat(Spool.isJobId(null)).isFalse();
	}
}
