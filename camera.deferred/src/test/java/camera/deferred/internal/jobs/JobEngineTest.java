package camera.deferred.internal.jobs;

import static camera.api.DeferredJobEvents.TOPIC_CANCELLED;
import static camera.api.DeferredJobEvents.TOPIC_COMPLETED;
import static camera.api.DeferredJobEvents.TOPIC_ERROR;
import static camera.api.DeferredJobEvents.TOPIC_FAILED;
import static camera.api.DeferredJobEvents.TOPIC_PENDING;
import static camera.api.DeferredJobEvents.TOPIC_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

import camera.api.DeferredJob;
import camera.api.DeferredJobEvents;
import camera.api.JobPriority;
import camera.api.JobState;
import camera.deferred.internal.development.JpegQualities;

class JobEngineTest {
	@TempDir
	Path data;

	EngineFixture fixture;

	@BeforeEach
	void createFixture() {
		fixture = new EngineFixture(data);
	}

	@AfterEach
	void stopEngine() {
		fixture.close();
	}

	private DeferredJob job(String jobId) {
		return fixture.engine.jobs().stream().filter(j -> j.jobId().equals(jobId)).findFirst().orElseThrow();
	}

	@Nested
	class Accepting {
		@Test
		void anAcceptedBurstIsSpooledAndPendingBeforeAcceptReturns() throws InterruptedException {
			fixture.health.holds = false;
			fixture.start();

			String jobId = WholeBursts.accept(fixture.engine, fixture.burst());

			assertThat(fixture.spool().contains(jobId)).isTrue();
			assertThat(job(jobId).state()).isEqualTo(JobState.PENDING);
			assertThat(job(jobId).priority()).isEqualTo(JobPriority.NORMAL);
			assertThat(fixture.await(TOPIC_PENDING, jobId).getProperty(DeferredJobEvents.PRIORITY)).isEqualTo("NORMAL");
		}

		@Test
		void aBurstBeyondTheSpoolBudgetIsRefusedAndCountedAsAFallback() throws IOException {
			fixture.health.holds = false;
			fixture.settings = new EngineSettings(1, 3 * EngineFixture.FRAME_BYTES, Duration.ofMinutes(5), 3, 5,
					Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMillis(20),
					Duration.ofSeconds(1));
			fixture.start();
			String first = WholeBursts.accept(fixture.engine, fixture.burst());

			assertThatThrownBy(() -> WholeBursts.accept(fixture.engine, fixture.burst()))
				.isInstanceOf(SpoolFullException.class);
			assertThat(fixture.engine.stats().fallbacks()).isEqualTo(1);
			assertThat(fixture.engine.stats().spoolBytes()).isEqualTo(fixture.spool().entry(first).bytes());
			assertThat(fixture.engine.jobs()).hasSize(1);
		}

		@Test
		void aBurstThatWouldTakeTheLibrarysFreeFloorIsRefusedWithTheReason() throws IOException {
			fixture.health.holds = false;
			long moreThanAnyDisk = Long.MAX_VALUE / 2;
			fixture.settings = new EngineSettings(1, 100 * EngineFixture.FRAME_BYTES, Duration.ofMinutes(5), 3, 5,
					Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMillis(20),
					Duration.ofSeconds(1), moreThanAnyDisk);
			fixture.start();

			assertThatThrownBy(() -> WholeBursts.accept(fixture.engine, fixture.burst()))
				.isInstanceOf(SpoolFullException.class)
				.hasMessageContaining("MB free")
				.hasMessageContaining("the library's photos keep");
			assertThat(fixture.engine.stats().fallbacks()).isEqualTo(1);
			assertThat(fixture.engine.stats().spoolBytes()).isZero();
			assertThat(fixture.engine.jobs()).isEmpty();
		}

		@Test
		void aBurstThatLeavesTheFreeFloorIsAccepted() throws IOException {
			fixture.health.holds = false;
			fixture.settings = new EngineSettings(1, 100 * EngineFixture.FRAME_BYTES, Duration.ofMinutes(5), 3, 5,
					Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMillis(20),
					Duration.ofSeconds(1), 1);
			fixture.start();

			String jobId = WholeBursts.accept(fixture.engine, fixture.burst());

			assertThat(fixture.spool().contains(jobId)).isTrue();
		}

		@Test
		void framesAddedWhileTheCameraDeliversAreOnDiskBeforeTheCommit() throws Exception {
			fixture.health.holds = false;
			fixture.start();
			CapturedBurst burst = fixture.burst();
			BurstSpooling spooling = fixture.engine.begin();
			burst.frames().forEach(spooling::add);

			assertThat(partialDirectories()).singleElement()
				.satisfies(partial -> assertThat(partial.resolve("frame-0.raw")).exists());
			String jobId = spooling.commit(burst);

			assertThat(partialDirectories()).isEmpty();
			assertThat(fixture.spool().contains(jobId)).isTrue();
			assertThat(job(jobId).state()).isEqualTo(JobState.PENDING);
		}

		@Test
		void anAbandonedBurstLeavesNoFilesNoJobAndItsBudget() throws Exception {
			fixture.health.holds = false;
			fixture.start();
			BurstSpooling spooling = fixture.engine.begin();
			fixture.burst().frames().forEach(spooling::add);

			spooling.abandon();

			assertThat(partialDirectories()).isEmpty();
			assertThat(fixture.engine.jobs()).isEmpty();
			assertThat(fixture.engine.stats().spoolBytes()).isZero();
		}

		@Test
		void aBurstThatOutgrowsTheBudgetFrameByFrameIsRefusedAtCommitAndLeavesNothing() throws Exception {
			fixture.health.holds = false;
			fixture.settings = new EngineSettings(1, EngineFixture.FRAME_BYTES + 1, Duration.ofMinutes(5), 3, 5,
					Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMillis(20),
					Duration.ofSeconds(1));
			fixture.start();
			CapturedBurst burst = fixture.burst();
			BurstSpooling spooling = fixture.engine.begin();
			burst.frames().forEach(spooling::add);

			assertThatThrownBy(() -> spooling.commit(burst)).isInstanceOf(SpoolFullException.class)
				.hasMessageContaining("does not fit");
			assertThat(partialDirectories()).isEmpty();
			assertThat(fixture.engine.jobs()).isEmpty();
			assertThat(fixture.engine.stats().spoolBytes()).isZero();
			assertThat(fixture.engine.stats().fallbacks()).isEqualTo(1);
		}

		@Test
		void aStoppedEngineTakesNoBurst() {
			fixture.start();
			fixture.engine.stop();

			assertThatThrownBy(fixture.engine::begin).isInstanceOf(SpoolFullException.class)
				.hasMessageContaining("stopping");
		}

		private List<Path> partialDirectories() throws IOException {
			try (Stream<Path> entries = Files.list(fixture.spool().directory())) {
				return entries.filter(entry -> entry.getFileName().toString().endsWith(".partial")).toList();
			}
		}

		@Test
		void aJobAccountsForTheBytesItTakesOnDiskAsAfterARestart() throws Exception {
			fixture.health.holds = false;
			fixture.start();

			String jobId = WholeBursts.accept(fixture.engine, fixture.twelveBitBurst());
			long onDisk = fixture.spool().entry(jobId).bytes();

			assertThat(onDisk).isLessThan(2 * EngineFixture.FRAME_BYTES * 3 / 4 + 4096);
			assertThat(fixture.engine.stats().spoolBytes()).isEqualTo(onDisk);
			fixture.restart();
			assertThat(fixture.engine.stats().spoolBytes()).isEqualTo(onDisk);
		}

		@Test
		void aCompletedJobGivesItsSpoolBudgetBack() throws InterruptedException {
			fixture.start();
			String jobId = fixture.capture();

			fixture.await(TOPIC_COMPLETED, jobId);

			assertThat(fixture.engine.stats().spoolBytes()).isZero();
		}
	}

	@Nested
	class PhaseTwo {
		@Test
		void aJobReplacesItsAssetWithTheFullImageAndDropsItsSpool() throws InterruptedException {
			fixture.start();
			String jobId = fixture.capture();

			Event completed = fixture.await(TOPIC_COMPLETED, jobId);

			assertThat(fixture.library.fullImages.get(jobId)).asString().startsWith("JPEG 8x6 q95");
			assertThat(fixture.spool().contains(jobId)).isFalse();
			assertThat(completed.getProperty(DeferredJobEvents.ASSET_URI)).asString().startsWith("file://media/Photo/");
			assertThat(completed.getPropertyNames()).contains(DeferredJobEvents.QUEUED_MS, DeferredJobEvents.PHASE2_MS);
			assertThat(fixture.engine.jobs()).isEmpty();
			assertThat(fixture.engine.stats().completed()).isEqualTo(1);
		}

		@Test
		void phaseTwoEncodesAtTheConfiguredQualityOfTheCapturesLevelAsConfiguredNow() throws InterruptedException {
			fixture.qualities = new JpegQualities(80, 91, 61, 41);
			fixture.start();
			fixture.await(TOPIC_COMPLETED, fixture.capture());
			int first = fixture.codec.lastQuality;

			fixture.qualities = new JpegQualities(80, 77, 61, 41);
			fixture.await(TOPIC_COMPLETED, fixture.capture());

			assertThat(first).isEqualTo(91);
			assertThat(fixture.codec.lastQuality).isEqualTo(77);
		}

		@Test
		void phaseTwoWritesTheCompactFormOfThePhoto() throws InterruptedException {
			fixture.start();
			fixture.await(TOPIC_COMPLETED, fixture.capture());

			assertThat(fixture.codec.lastCompact).isTrue();
		}

		@Test
		void theExifComesFromTheSpooledMetadata() throws InterruptedException {
			fixture.start();
			String jobId = fixture.capture();

			fixture.await(TOPIC_COMPLETED, jobId);

			assertThat(fixture.codec.lastExif.make()).isEqualTo("Darkroom");
			assertThat(fixture.codec.lastExif.model()).isEqualTo("Sim 1");
			assertThat(fixture.codec.lastExif.exposureNanos()).isEqualTo(10_000_000);
			assertThat(fixture.codec.lastExif.orientation()).isEqualTo(1);
		}

		@Test
		void everyTransitionIsPostedInOrder() throws InterruptedException {
			fixture.start();
			String jobId = fixture.capture();

			assertThat(fixture.await(TOPIC_PENDING, jobId)).isNotNull();
			assertThat(fixture.await(TOPIC_RUNNING, jobId).getPropertyNames()).contains(DeferredJobEvents.QUEUED_MS);
			assertThat(fixture.await(TOPIC_COMPLETED, jobId)).isNotNull();
		}
	}

	@Nested
	class Failures {
		@Test
		void aPhotoThatCannotBeWrittenIsTriedAgainWithoutUsingUpItsAttemptsAndKeepsItsFrames() throws Exception {
			// A file where the output folder should be: every write of the developed photo fails, as on a full disk.
			Files.writeString(data.resolve("out"), "in the way");
			fixture.start();
			String jobId = fixture.capture();

			for (int wait = 0; wait < 5; wait++) {
				assertThat(fixture.await(TOPIC_FAILED, jobId).getProperty(DeferredJobEvents.ERROR)).asString()
					.startsWith("STORAGE_FULL");
				fixture.clock.advance(Duration.ofMinutes(10));
				fixture.engine.wake();
			}
			assertThat(fixture.spool().contains(jobId)).isTrue();
			Files.delete(data.resolve("out"));
			fixture.clock.advance(Duration.ofMinutes(10));
			fixture.engine.wake();

			// Five failed writes, more than the three attempts a job has: none of them counted.
			fixture.await(TOPIC_COMPLETED, jobId);
			assertThat(fixture.library.failures).isEmpty();
		}

		@Test
		void aFailedAttemptIsRetriedAndThenCompletes() throws InterruptedException {
			fixture.developer.failuresToThrow = 2;
			fixture.start();
			String jobId = fixture.capture();

			assertThat(fixture.await(TOPIC_FAILED, jobId).getProperty(DeferredJobEvents.ERROR)).asString()
				.startsWith("DEVELOPMENT_FAILED");
			Event completed = fixture.await(TOPIC_COMPLETED, jobId);

			assertThat(completed.getProperty(DeferredJobEvents.ATTEMPTS)).isEqualTo(3);
			assertThat(fixture.library.failures).isEmpty();
		}

		@Test
		void aJobThatKeepsFailingEndsInErrorAndItsAssetStaysFast() throws InterruptedException {
			fixture.developer.alwaysFail = true;
			fixture.start();
			String jobId = fixture.capture();

			Event error = fixture.await(TOPIC_ERROR, jobId);

			assertThat(error.getProperty(DeferredJobEvents.ATTEMPTS)).isEqualTo(3);
			assertThat(fixture.library.failures.get(jobId)).startsWith("DEVELOPMENT_FAILED");
			assertThat(fixture.library.assetsByJob).containsKey(jobId);
			assertThat(job(jobId).state()).isEqualTo(JobState.ERROR);
			assertThat(fixture.engine.stats().failed()).isEqualTo(1);
			assertThat(fixture.drain()).as("an ERROR job is not run again").isTrue();
		}

		@Test
		void aJobThatCannotSucceedForAPhotoNoLongerFastLeavesNoErrorJobBehind() throws InterruptedException {
			fixture.developer.alwaysFail = true;
			fixture.health.holds = false;
			fixture.start();
			String jobId = fixture.capture();
			fixture.library.notFast.add(jobId);
			fixture.health.holds = true;

			fixture.await(TOPIC_CANCELLED, jobId);

			assertThat(fixture.library.failures).containsKey(jobId);
			assertThat(fixture.engine.jobs()).isEmpty();
			assertThat(fixture.spool().contains(jobId)).isFalse();
		}

		@Test
		void aReplacementTheLibraryRefusesIsRetried() throws InterruptedException {
			fixture.library.replacementsToRefuse = 1;
			fixture.start();
			String jobId = fixture.capture();

			assertThat(fixture.await(TOPIC_FAILED, jobId).getProperty(DeferredJobEvents.ERROR)).asString()
				.startsWith("REPLACEMENT_FAILED");
			fixture.await(TOPIC_COMPLETED, jobId);
		}

		@Test
		void aDevelopmentPastTheTimeoutFails() throws InterruptedException {
			fixture.developer.hold = new CountDownLatch(1);
			fixture.start();
			String jobId = fixture.capture();
			assertThat(fixture.developer.holding.await(10, TimeUnit.SECONDS)).isTrue();

			fixture.clock.advance(Duration.ofMinutes(6));

			assertThat(fixture.await(TOPIC_FAILED, jobId).getProperty(DeferredJobEvents.ERROR)).asString()
				.startsWith("TIMED_OUT");
		}

		@Test
		void aJobTheProcessDiedDuringTooOftenEndsInError() throws Exception {
			fixture.health.holds = false;
			fixture.start();
			String jobId = fixture.capture();
			fixture.spool().recordInterruptedAttempts(jobId, 5);
			fixture.health.holds = true;

			fixture.restart();

			assertThat(fixture.await(TOPIC_ERROR, jobId).getProperty(DeferredJobEvents.ERROR)).asString()
				.startsWith("ABANDONED_ATTEMPTS");
			assertThat(fixture.library.assetsByJob).containsKey(jobId);
		}
		@Test
		void aJobTheProcessDiedDuringLessOftenRunsAgain() throws Exception {
			fixture.health.holds = false;
			fixture.start();
			String jobId = fixture.capture();
			fixture.spool().recordInterruptedAttempts(jobId, 4);
			fixture.health.holds = true;

			fixture.restart();

			fixture.await(TOPIC_COMPLETED, jobId);
		}

		@Test
		void anAttemptThatEndsIsNoLongerCountedAsInterrupted() throws Exception {
			fixture.developer.failuresToThrow = 1;
			fixture.settings = new EngineSettings(1, 100 * EngineFixture.FRAME_BYTES, Duration.ofMinutes(5), 3, 5,
					Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMillis(20), Duration.ZERO);
			fixture.start();
			String jobId = fixture.capture();

			fixture.await(TOPIC_FAILED, jobId);

			assertThat(fixture.spool().entry(jobId).interruptedAttempts()).isZero();
		}
	}

	@Nested
	class LibrarySession {
		@Test
		void aRequestedJobRunsDuringACapture() throws InterruptedException {
			fixture.capture.holds = false;
			fixture.start();
			String jobId = fixture.capture();

			fixture.session.processImage(jobId);

			fixture.await(TOPIC_COMPLETED, jobId);
		}

		@Test
		void aRequestedJobRunsWhilePaused() throws InterruptedException {
			fixture.start();
			fixture.engine.pause();
			String waiting = fixture.capture();
			String requested = fixture.capture();

			fixture.session.processImage(requested);

			fixture.await(TOPIC_COMPLETED, requested);
			assertThat(job(waiting).state()).isEqualTo(JobState.PENDING);
			assertThat(fixture.engine.stats().paused()).isTrue();
		}

		@Test
		void trashLowersAJobAndRestoreRaisesItBack() {
			fixture.health.holds = false;
			fixture.start();
			String jobId = fixture.capture();

			fixture.session.removeImage(jobId, true);
			assertThat(job(jobId).priority()).isEqualTo(JobPriority.LOW);

			fixture.session.restoreImage(jobId);
			assertThat(job(jobId).priority()).isEqualTo(JobPriority.NORMAL);
		}

		@Test
		void aDeletedAssetCancelsItsJobAndDropsItsSpool() throws InterruptedException {
			fixture.health.holds = false;
			fixture.start();
			String jobId = fixture.capture();

			fixture.session.removeImage(jobId, false);

			fixture.await(TOPIC_CANCELLED, jobId);
			assertThat(fixture.engine.jobs()).isEmpty();
			assertThat(fixture.spool().contains(jobId)).isFalse();
			assertThat(fixture.engine.stats().spoolBytes()).isZero();
		}

		@Test
		void aJobDeletedWhileRunningStopsAtTheNextTileAndDropsItsSpool() throws InterruptedException {
			fixture.developer.hold = new CountDownLatch(1);
			fixture.start();
			String jobId = fixture.capture();
			assertThat(fixture.developer.holding.await(10, TimeUnit.SECONDS)).isTrue();

			fixture.session.removeImage(jobId, false);

			fixture.await(TOPIC_CANCELLED, jobId);
			assertThat(fixture.drain()).isTrue();
			assertThat(fixture.spool().contains(jobId)).isFalse();
			assertThat(fixture.library.completions).isEmpty();
		}

		@Test
		void theLastCancelledRequestLowersARaisedJobBackToNormal() {
			fixture.health.holds = false;
			fixture.start();
			String jobId = fixture.capture();
			fixture.session.processImage(jobId);
			assertThat(job(jobId).priority()).isEqualTo(JobPriority.HIGH);

			fixture.session.cancelProcessImage(jobId);

			assertThat(job(jobId).priority()).isEqualTo(JobPriority.NORMAL);
		}

		@Test
		void aCancelledRequestLeavesATrashedJobLow() {
			fixture.health.holds = false;
			fixture.start();
			String jobId = fixture.capture();
			fixture.session.removeImage(jobId, true);

			fixture.session.cancelProcessImage(jobId);

			assertThat(job(jobId).priority()).isEqualTo(JobPriority.LOW);
		}

		@Test
		void callsForUnknownJobsAreIgnored() {
			fixture.start();

			fixture.session.cancelProcessImage("no such job");
			fixture.session.processImage("no such job");
			fixture.session.removeImage("../../escape", false);
			fixture.session.restoreImage(UUID.randomUUID().toString());

			assertThat(fixture.engine.jobs()).isEmpty();
		}
	}

	@Nested
	class Scheduling {
		@Test
		void jobsRunHighNewestFirstThenNormalInCaptureOrder() {
			fixture.health.holds = false;
			fixture.start();
			List<Long> timestamps = new ArrayList<>();
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				ids.add(fixture.capture());
				timestamps.add(fixture.lastTimestamp());
			}
			fixture.session.processImage(ids.get(1));
			fixture.session.processImage(ids.get(2));

			fixture.health.holds = true;
			fixture.engine.wake();

			assertThat(fixture.drain()).isTrue();
			assertThat(fixture.developer.developed).containsExactly(timestamps.get(2), timestamps.get(1),
					timestamps.get(0), timestamps.get(3));
		}

		@Test
		void pressureHoldsNormalJobsBack() throws InterruptedException {
			fixture.pressure.holds = false;
			fixture.start();
			String normal = fixture.capture();
			String requested = fixture.capture();

			fixture.session.processImage(requested);

			fixture.await(TOPIC_COMPLETED, requested);
			assertThat(job(normal).state()).isEqualTo(JobState.PENDING);
		}

		@Test
		void aDrainRunsJobsDespitePressure() {
			fixture.pressure.holds = false;
			fixture.start();
			String jobId = fixture.capture();

			assertThat(fixture.drain()).isTrue();
			assertThat(fixture.library.completions).containsExactly(jobId);
		}

		@Test
		void anOverdueNormalJobRunsDespitePressure() throws InterruptedException {
			fixture.pressure.holds = false;
			fixture.start();
			String jobId = fixture.capture();

			fixture.clock.advance(Duration.ofMinutes(61));
			fixture.engine.wake();

			fixture.await(TOPIC_COMPLETED, jobId);
		}

		@Test
		void anOverdueNormalJobStillWaitsForACapture() throws InterruptedException {
			fixture.capture.holds = false;
			fixture.start();
			String overdue = fixture.capture();
			fixture.clock.advance(Duration.ofMinutes(61));
			String requested = fixture.capture();

			fixture.session.processImage(requested);

			fixture.await(TOPIC_COMPLETED, requested);
			assertThat(job(overdue).state()).isEqualTo(JobState.PENDING);
		}

		@Test
		void aRunningNormalJobYieldsToACaptureAndResumesAfterIt() throws InterruptedException {
			fixture.developer.hold = new CountDownLatch(1);
			fixture.start();
			String jobId = fixture.capture();
			assertThat(fixture.developer.holding.await(10, TimeUnit.SECONDS)).isTrue();
			fixture.await(TOPIC_RUNNING, jobId);

			fixture.capture.holds = false;
			Event yielded = fixture.await(TOPIC_PENDING, jobId);
			fixture.capture.holds = true;
			fixture.engine.captureActivity(false);

			assertThat(yielded.getProperty(DeferredJobEvents.ATTEMPTS)).isEqualTo(0);
			assertThat(fixture.await(TOPIC_COMPLETED, jobId).getProperty(DeferredJobEvents.ATTEMPTS)).isEqualTo(1);
		}

		@Test
		void aRunningNormalJobMakesWayForAHighRequestWhenNoWorkerIsFree() throws InterruptedException {
			fixture.developer.hold = new CountDownLatch(1);
			fixture.start();
			String running = fixture.capture();
			assertThat(fixture.developer.holding.await(10, TimeUnit.SECONDS)).isTrue();
			String requested = fixture.capture();

			fixture.session.processImage(requested);

			fixture.await(TOPIC_COMPLETED, requested);
			fixture.await(TOPIC_COMPLETED, running);
			assertThat(fixture.library.completions).containsExactly(requested, running);
		}

		@Test
		void statsShowQueueDepthPerPriorityAndEveryCondition() {
			fixture.health.holds = false;
			fixture.start();
			String low = fixture.capture();
			fixture.capture();
			fixture.session.removeImage(low, true);

			var stats = fixture.engine.stats();

			assertThat(stats.queued()).containsEntry(JobPriority.NORMAL, 1).containsEntry(JobPriority.LOW, 1)
				.containsEntry(JobPriority.HIGH, 0);
			assertThat(stats.conditions()).containsEntry("health", false).containsEntry("pressure", true)
				.containsEntry("capture", true).containsEntry("pipeline", true);
			assertThat(stats.jpegCodec()).isEqualTo("fake");
		}
	}

	@Nested
	class UnderTheStorageFloor {
		@BeforeEach
		void twoWorkers() {
			fixture.settings = new EngineSettings(2, 100 * EngineFixture.FRAME_BYTES, Duration.ofMinutes(5), 3, 5,
					Duration.ZERO, Duration.ofMinutes(60), Duration.ofMinutes(10), Duration.ofMillis(20), Duration.ZERO);
		}

		/** Waits until the idle workers have looked at the conditions twice since now: one whole look is over. */
		private void awaitTwoLooks() throws InterruptedException {
			fixture.health.looks.drainPermits();
			assertThat(fixture.health.looks.tryAcquire(2, 10, TimeUnit.SECONDS)).isTrue();
		}

		@Test
		void oneJobRunsAtATimeWhileThePhotoFits() throws InterruptedException {
			fixture.health.holds = false;
			fixture.health.letsOneJobRun = true;
			CountDownLatch release = new CountDownLatch(1);
			fixture.developer.hold = release;
			fixture.start();
			String first = fixture.capture();
			fixture.await(TOPIC_RUNNING, first);
			String second = fixture.capture();

			awaitTwoLooks();

			assertThat(job(second).state()).isEqualTo(JobState.PENDING);
			release.countDown();
			fixture.await(TOPIC_COMPLETED, first);
			fixture.await(TOPIC_COMPLETED, second);
			assertThat(fixture.library.completions).containsExactly(first, second);
		}

		@Test
		void theOneJobIsTheHighRequest() throws InterruptedException {
			fixture.health.holds = false;
			fixture.start();
			String normal = fixture.capture();
			String requested = fixture.capture();
			fixture.session.processImage(requested);

			fixture.health.letsOneJobRun = true;
			fixture.engine.wake();

			fixture.await(TOPIC_COMPLETED, requested);
			fixture.await(TOPIC_COMPLETED, normal);
			assertThat(fixture.library.completions).containsExactly(requested, normal);
		}

		@Test
		void noJobRunsWhenNotEvenThePhotoFits() throws InterruptedException {
			fixture.health.holds = false;
			fixture.start();
			String jobId = fixture.capture();
			fixture.session.processImage(jobId);

			awaitTwoLooks();

			assertThat(job(jobId).state()).isEqualTo(JobState.PENDING);
			assertThat(fixture.developer.startedAt).isEmpty();
			fixture.health.letsOneJobRun = true;
			fixture.engine.wake();
			fixture.await(TOPIC_COMPLETED, jobId);
		}
	}

	@Nested
	class Recovery {
		@Test
		void aRestartRebuildsTheQueueFromTheSpoolInCaptureOrder() throws InterruptedException {
			fixture.health.holds = false;
			fixture.start();
			String first = fixture.capture();
			fixture.clock.advance(Duration.ofSeconds(1));
			String second = fixture.capture();

			fixture.restart();

			assertThat(fixture.engine.jobs()).extracting(DeferredJob::jobId).containsExactly(first, second);
			fixture.health.holds = true;
			fixture.engine.wake();
			assertThat(fixture.drain()).isTrue();
			assertThat(fixture.library.completions).containsExactly(first, second);
		}

		@Test
		void synchronizationLowersTrashedJobs() {
			fixture.health.holds = false;
			fixture.start();
			String jobId = fixture.capture();
			fixture.restart();

			fixture.session.beginSynchronize();
			fixture.session.addImage(jobId, "file://media/Photo/1/IMG_1.jpg", true);
			fixture.session.endSynchronize();

			assertThat(job(jobId).priority()).isEqualTo(JobPriority.LOW);
			assertThat(job(jobId).assetUri()).isEqualTo("file://media/Photo/1/IMG_1.jpg");
		}

		@Test
		void anAssetWhoseSpoolIsGoneIsReportedAsAnErrorAndStaysFast() throws Exception {
			fixture.health.holds = false;
			fixture.start();
			String jobId = fixture.capture();
			fixture.engine.stop();
			fixture.spool().delete(jobId);
			fixture.start();

			fixture.session.beginSynchronize();
			fixture.session.addImage(jobId, "file://media/Photo/1/IMG_1.jpg", false);
			fixture.session.endSynchronize();

			fixture.await(TOPIC_ERROR, jobId);
			assertThat(fixture.library.failures.get(jobId)).startsWith("SPOOL_MISSING");
			assertThat(fixture.library.assetsByJob).containsKey(jobId);
			assertThat(job(jobId).state()).isEqualTo(JobState.ERROR);
		}

		@Test
		void spoolWithoutAnAssetIsDeletedAfterTheGracePeriod() throws InterruptedException {
			fixture.settings = fixture.settings(Duration.ofSeconds(1));
			fixture.start();
			String orphan = WholeBursts.accept(fixture.engine, fixture.burst());

			fixture.clock.advance(Duration.ofMinutes(11));
			fixture.engine.wake();

			fixture.await(TOPIC_CANCELLED, orphan);
			assertThat(fixture.spool().contains(orphan)).isFalse();
			assertThat(fixture.library.failures).isEmpty();
		}

		@Test
		void aJobFromBeforeARestartThatTheLibraryDoesNotListIsDeletedAtOnce() throws Exception {
			fixture.health.holds = false;
			fixture.start();
			String jobId = WholeBursts.accept(fixture.engine, fixture.burst());

			fixture.restart();
			fixture.session.beginSynchronize();
			fixture.session.endSynchronize();
			fixture.health.holds = true;
			fixture.engine.wake();

			fixture.await(TOPIC_CANCELLED, jobId);
			assertThat(fixture.spool().contains(jobId)).isFalse();
			assertThat(fixture.library.failures).isEmpty();
		}

		@Test
		void aJobFromBeforeARestartCompletesWhenItsAssetIsFoundBeforeTheLibraryListsIt() throws Exception {
			fixture.health.holds = false;
			fixture.start();
			String jobId = WholeBursts.accept(fixture.engine, fixture.burst());

			fixture.restart();
			fixture.library.addAsset(jobId);
			fixture.health.holds = true;
			fixture.engine.wake();

			fixture.await(TOPIC_COMPLETED, jobId);
		}

		@Test
		void aJustAcceptedJobWaitsForItsAssetInsteadOfBeingDeleted() throws InterruptedException {
			fixture.settings = fixture.settings(Duration.ofSeconds(1));
			fixture.start();
			String jobId = WholeBursts.accept(fixture.engine, fixture.burst());
			fixture.session.beginSynchronize();
			fixture.session.endSynchronize();
			assertThat(fixture.drain()).as("a job without an asset does not hold a drain back").isTrue();
			assertThat(fixture.spool().contains(jobId)).isTrue();
			assertThat(job(jobId).state()).isEqualTo(JobState.PENDING);

			fixture.library.addAsset(jobId);
			fixture.clock.advance(Duration.ofMinutes(1));
			fixture.engine.wake();

			fixture.await(TOPIC_COMPLETED, jobId);
		}

		@Test
		void aDamagedAttemptsCounterKeepsTheJobAndItsPhotoCompletes() throws Exception {
			fixture.health.holds = false;
			fixture.start();
			String jobId = fixture.capture();
			Files.writeString(data.resolve("spool").resolve(jobId).resolve("interrupted-attempts"), "\0\0garbage");

			fixture.restart();
			fixture.session.beginSynchronize();
			fixture.session.addImage(jobId, "file://media/Photo/1/IMG_1.jpg", false);
			fixture.session.endSynchronize();
			fixture.health.holds = true;
			fixture.engine.wake();

			fixture.await(TOPIC_COMPLETED, jobId);
		}

		@Test
		void aDamagedMetadataFileIsReadFromItsCopyAndThePhotoCompletes() throws Exception {
			fixture.health.holds = false;
			fixture.start();
			String jobId = fixture.capture();
			Path metadata = data.resolve("spool").resolve(jobId).resolve("burst.properties");
			byte[] bytes = Files.readAllBytes(metadata);
			Arrays.fill(bytes, bytes.length / 2, bytes.length, (byte) 0);
			Files.write(metadata, bytes);

			fixture.restart();
			fixture.session.beginSynchronize();
			fixture.session.addImage(jobId, "file://media/Photo/1/IMG_1.jpg", false);
			fixture.session.endSynchronize();
			fixture.health.holds = true;
			fixture.engine.wake();

			fixture.await(TOPIC_COMPLETED, jobId);
		}

		@Test
		void anUnreadableSpoolIsRemovedAndItsAssetReported() throws Exception {
			fixture.start();
			String jobId = UUID.randomUUID().toString();
			Path job = data.resolve("spool").resolve(jobId);
			Files.createDirectories(job);
			Files.writeString(job.resolve("burst.properties"), "not a burst");
			fixture.library.addAsset(jobId);

			fixture.restart();
			fixture.session.beginSynchronize();
			fixture.session.addImage(jobId, "file://media/Photo/1/IMG_1.jpg", false);
			fixture.session.endSynchronize();

			fixture.await(TOPIC_ERROR, jobId);
			assertThat(job).doesNotExist();
			assertThat(fixture.library.failures.get(jobId)).startsWith("SPOOL_MISSING");
		}

		@Test
		void aHalfWrittenSpoolFromACrashIsIgnored() throws Exception {
			fixture.start();
			Path partial = data.resolve("spool").resolve(UUID.randomUUID() + ".partial");
			Files.createDirectories(partial);
			Files.write(partial.resolve("frame-0.raw"), new byte[16]);

			fixture.restart();

			assertThat(fixture.engine.jobs()).isEmpty();
			assertThat(partial).doesNotExist();
		}
	}
}
