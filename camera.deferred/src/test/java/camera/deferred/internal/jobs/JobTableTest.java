package camera.deferred.internal.jobs;

import static camera.api.DeferredJobEvents.TOPIC_CANCELLED;
import static camera.api.DeferredJobEvents.TOPIC_COMPLETED;
import static camera.api.DeferredJobEvents.TOPIC_ERROR;
import static camera.api.DeferredJobEvents.TOPIC_FAILED;
import static camera.api.DeferredJobEvents.TOPIC_PENDING;
import static camera.api.DeferredJobEvents.TOPIC_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import camera.api.DeferredJob;
import camera.api.DeferredJobEvents;
import camera.api.JobPriority;
import camera.api.JobState;
import camera.deferred.internal.schedule.ConditionScope;

class JobTableTest {
	private final TableFixture fixture = new TableFixture(TableFixture.settings());
	private final JobTable table = fixture.table;

	@AfterEach
	void stopHousekeeping() {
		fixture.close();
	}

	private DeferredJob snapshot(String jobId) {
		return table.snapshots().stream().filter(job -> job.jobId().equals(jobId)).findFirst().orElseThrow();
	}

	private List<String> topics() throws InterruptedException {
		return fixture.posted().stream().map(Event::getTopic).toList();
	}

	private Event lastEvent() throws InterruptedException {
		return fixture.posted().getLast();
	}

	private static SettableCondition busyMachine() {
		SettableCondition cpu = new SettableCondition("cpu", ConditionScope.PRESSURE);
		cpu.holds = false;
		return cpu;
	}

	private static Spool.Entry entry(String jobId, long bytes) {
		return new Spool.Entry(jobId, Instant.EPOCH, Instant.EPOCH, 0, bytes, null);
	}

	@Nested
	class Admitting {
		@Test
		void anAdmittedJobIsPendingAtNormalPriorityAndPostsPending() throws InterruptedException {
			String jobId = fixture.admit();

			assertThat(snapshot(jobId).state()).isEqualTo(JobState.PENDING);
			assertThat(snapshot(jobId).priority()).isEqualTo(JobPriority.NORMAL);
			assertThat(lastEvent().getTopic()).isEqualTo(TOPIC_PENDING);
			assertThat(lastEvent().getProperty(DeferredJobEvents.JOB_ID)).isEqualTo(jobId);
		}

		@Test
		void recoveredJobsQueueInTheOrderGivenAndTakeTheirSpoolRoomWithoutAnEvent() throws InterruptedException {
			String first = UUID.randomUUID().toString();
			String second = UUID.randomUUID().toString();

			table.recover(List.of(entry(first, 300), entry(second, 200)));

			assertThat(fixture.take().id()).isEqualTo(first);
			assertThat(fixture.take().id()).isEqualTo(second);
			assertThat(table.spoolUse()).isEqualTo("500 of 1000 bytes");
			assertThat(fixture.posted()).isEmpty();
		}

		@Test
		void recoveryCountsTheWorkersTheSettingsAskForOnce() {
			assertThat(table.recover(List.of())).isEqualTo(2);
			assertThat(table.update(TableFixture.settings(3))).isEqualTo(1);
		}
	}

	@Nested
	class Taking {
		@Test
		void aTakenJobIsRunningAndLeavesTheQueue() throws InterruptedException {
			String jobId = fixture.admit();

			Job job = fixture.take();

			assertThat(job.id()).isEqualTo(jobId);
			assertThat(snapshot(jobId).state()).isEqualTo(JobState.RUNNING);
			assertThat(table.stats("fake", Map.of(), List.of()).queued()).containsEntry(JobPriority.NORMAL, 0);
			assertThat(table.stats("fake", Map.of(), List.of()).running()).isEqualTo(1);
		}

		@Test
		void noJobIsTakenWhileThePipelineIsMissing() throws InterruptedException {
			fixture.admit();

			assertThat(fixture.take(null)).isNull();
		}

		@Test
		void aNormalJobIsHeldBackByPressureUntilItIsOverdue() throws InterruptedException {
			fixture.admit();
			var busy = TableFixture.holding(busyMachine());
			assertThat(fixture.take(busy)).isNull();

			fixture.clock.advance(Duration.ofMinutes(60));

			assertThat(fixture.take(busy)).isNotNull();
		}

		@Test
		void aPausedTableHandsOutHighJobsOnly() throws InterruptedException {
			fixture.admit();
			String requested = fixture.admit();
			table.pause(true);
			table.changePriority(requested, JobPriority.HIGH);

			assertThat(fixture.take().id()).isEqualTo(requested);
			assertThat(fixture.take()).isNull();
		}

		@Test
		void aChangeSinceTheConditionsWereLookedAtEndsTheWaitAtOnce() {
			long seen = table.changes();

			table.wake();

			assertTimeoutPreemptively(Duration.ofSeconds(10),
					() -> assertThat(table.take(TableFixture.ALL_HOLD, seen, TableFixture.ONLY_LOCAL)).isNull());
		}

		@Test
		void aWorkerBeyondFewerWorkersInTheSettingsEnds() {
			table.recover(List.of());

			table.update(TableFixture.settings(1));

			assertThat(table.keepsWorker()).isFalse();
			assertThat(table.keepsWorker()).isTrue();
		}

		@Test
		void aStoppedTableKeepsNoWorkerAndHandsOutNoJob() throws InterruptedException {
			table.recover(List.of());
			fixture.admit();

			table.stop();

			assertThat(table.keepsWorker()).isFalse();
			assertThat(fixture.take()).isNull();
		}
	}

	@Nested
	class Attempts {
		@Test
		void beginningAnAttemptCountsItAndPostsRunningWithTheTimeQueued() throws InterruptedException {
			fixture.admit();
			Job job = fixture.take();

			table.beginAttempt(job, "file://media/Photo/1/IMG_1.jpg", 42);

			assertThat(job.attempts()).isEqualTo(1);
			assertThat(lastEvent().getTopic()).isEqualTo(TOPIC_RUNNING);
			assertThat(lastEvent().getProperty(DeferredJobEvents.QUEUED_MS)).isEqualTo(42L);
			assertThat(lastEvent().getProperty(DeferredJobEvents.ASSET_URI)).isEqualTo("file://media/Photo/1/IMG_1.jpg");
		}

		@Test
		void aRequeuedJobRunsAgainNoEarlierThanAskedAndPostsNothing() throws InterruptedException {
			Job job = fixture.running();

			assertThat(table.requeue(job, fixture.clock.instant().plusSeconds(5))).isTrue();

			assertThat(fixture.take()).isNull();
			fixture.clock.advance(Duration.ofSeconds(5));
			assertThat(fixture.take()).isSameAs(job);
			assertThat(topics()).containsExactly(TOPIC_PENDING, TOPIC_RUNNING);
		}

		@Test
		void aJobWithoutItsAssetWaitsTwiceAsLongAtEachLook() throws InterruptedException {
			Job job = fixture.running();
			table.requeueUntilAsset(job, fixture.clock.instant());
			fixture.clock.advance(Duration.ofMillis(200));
			fixture.take();

			table.requeueUntilAsset(job, fixture.clock.instant());

			fixture.clock.advance(Duration.ofMillis(399));
			assertThat(fixture.take()).isNull();
			fixture.clock.advance(Duration.ofMillis(1));
			assertThat(fixture.take()).isSameAs(job);
		}

		@Test
		void aYieldedAttemptDoesNotCountAndPostsPending() throws InterruptedException {
			Job job = fixture.running();

			table.yieldWorker(job);

			assertThat(job.attempts()).isZero();
			assertThat(lastEvent().getTopic()).isEqualTo(TOPIC_PENDING);
			assertThat(lastEvent().getProperty(DeferredJobEvents.ATTEMPTS)).isEqualTo(0);
		}

		@Test
		void aYieldedJobIsTheFirstToRunAgain() throws InterruptedException {
			Job job = fixture.running();
			fixture.admit();

			table.yieldWorker(job);

			assertThat(fixture.take()).isSameAs(job);
		}

		@Test
		void aFailedAttemptPostsFailedAndRunsAgainAfterTheRetryDelay() throws InterruptedException {
			Job job = fixture.running();

			table.fail(job, "DEVELOPMENT_FAILED: boom");

			assertThat(snapshot(job.id()).state()).isEqualTo(JobState.FAILED);
			assertThat(snapshot(job.id()).error()).isEqualTo("DEVELOPMENT_FAILED: boom");
			assertThat(fixture.take()).isNull();
			fixture.clock.advance(Duration.ofSeconds(1));
			assertThat(fixture.take()).isSameAs(job);
			assertThat(lastEvent().getTopic()).isEqualTo(TOPIC_FAILED);
			assertThat(lastEvent().getProperty(DeferredJobEvents.ERROR)).isEqualTo("DEVELOPMENT_FAILED: boom");
		}

		@Test
		void aJobCancelledWhileItRanLeavesTheTableInsteadOfQueueing() throws InterruptedException {
			Job job = fixture.running();
			table.cancel(job.id());

			assertThat(table.requeue(job, Instant.MIN)).isFalse();

			assertThat(table.snapshots()).isEmpty();
			assertThat(table.stats("fake", Map.of(), List.of()).running()).isZero();
		}
	}

	@Nested
	class Completing {
		@Test
		void aCompletedJobLeavesTheTableAndIsCountedWithItsTimings() throws InterruptedException {
			Job job = fixture.running();

			table.complete(job, 10, 20);

			assertThat(table.snapshots()).isEmpty();
			assertThat(table.stats("fake", Map.of(), List.of()).completed()).isEqualTo(1);
			assertThat(table.stats("fake", Map.of(), List.of()).phase2P50Ms()).isEqualTo(20.0);
		}

		@Test
		void aCompletedJobHoldsItsWorkerUntilItIsAnnounced() throws InterruptedException {
			Job job = fixture.running();
			table.complete(job, 10, 20);
			assertThat(table.stats("fake", Map.of(), List.of()).running()).isEqualTo(1);

			table.announceCompleted(job, 10, 20);

			assertThat(table.stats("fake", Map.of(), List.of()).running()).isZero();
			assertThat(lastEvent().getTopic()).isEqualTo(TOPIC_COMPLETED);
			assertThat(lastEvent().getProperty(DeferredJobEvents.PHASE2_MS)).isEqualTo(20L);
		}
	}

	@Nested
	class EndingInError {
		@Test
		void aRunningJobThatEndsInErrorFreesItsWorkerAndIsCountedOnce() throws InterruptedException {
			Job job = fixture.running();

			assertThat(table.endInError(job, "SPOOL_MISSING: gone")).isTrue();
			assertThat(table.endInError(job, "SPOOL_MISSING: gone")).isFalse();

			assertThat(snapshot(job.id()).state()).isEqualTo(JobState.ERROR);
			assertThat(table.stats("fake", Map.of(), List.of()).failed()).isEqualTo(1);
			assertThat(table.stats("fake", Map.of(), List.of()).running()).isZero();
		}

		@Test
		void anErrorJobLeavesTheQueueAndPostsErrorWhenAnnounced() throws InterruptedException {
			String jobId = fixture.admit();
			Job job = fixture.take();
			table.requeue(job, Instant.MIN);

			table.endInError(job, "ABANDONED_ATTEMPTS: five");
			table.announceError(job, "ABANDONED_ATTEMPTS: five");

			assertThat(fixture.take()).isNull();
			assertThat(snapshot(jobId).state()).isEqualTo(JobState.ERROR);
			assertThat(lastEvent().getTopic()).isEqualTo(TOPIC_ERROR);
		}

		@Test
		void anErrorJobKeepsItsPriority() throws InterruptedException {
			Job job = fixture.running();
			table.endInError(job, "SPOOL_MISSING: gone");

			table.changePriority(job.id(), JobPriority.HIGH);

			assertThat(snapshot(job.id()).priority()).isEqualTo(JobPriority.NORMAL);
		}
	}

	@Nested
	class Cancelling {
		@Test
		void aQueuedJobLeavesTheTableForItsCallerToDrop() {
			String jobId = fixture.admit();

			Job dropped = table.cancel(jobId);

			assertThat(dropped.id()).isEqualTo(jobId);
			assertThat(table.snapshots()).isEmpty();
		}

		@Test
		void aRunningJobStaysForItsWorkerToDrop() throws InterruptedException {
			Job job = fixture.running();

			assertThat(table.cancel(job.id())).isNull();

			assertThat(job.cancelled()).isTrue();
			assertThat(snapshot(job.id()).state()).isEqualTo(JobState.RUNNING);
		}

		@Test
		void aDroppedRunningJobFreesItsWorker() throws InterruptedException {
			Job job = fixture.running();

			table.drop(job);

			assertThat(table.snapshots()).isEmpty();
			assertThat(table.stats("fake", Map.of(), List.of()).running()).isZero();
		}

		@Test
		void aDroppedJobPostsCancelledWhenItsSpoolIsGone() throws InterruptedException {
			Job job = fixture.running();
			table.drop(job);

			table.announceDropped(job);

			assertThat(lastEvent().getTopic()).isEqualTo(TOPIC_CANCELLED);
		}

		@Test
		void anUnknownJobIsIgnored() {
			assertThat(table.cancel(UUID.randomUUID().toString())).isNull();
		}
	}

	@Nested
	class Priorities {
		@Test
		void aQueuedJobPostsItsNewPriority() throws InterruptedException {
			String jobId = fixture.admit();

			table.changePriority(jobId, JobPriority.HIGH);

			assertThat(lastEvent().getTopic()).isEqualTo(TOPIC_PENDING);
			assertThat(lastEvent().getProperty(DeferredJobEvents.PRIORITY)).isEqualTo("HIGH");
		}

		@Test
		void aRunningNormalJobMakesWayForAHighRequestWhenNoWorkerIsFree() throws InterruptedException {
			table.update(TableFixture.settings(1));
			Job running = fixture.running();
			String requested = fixture.admit();

			table.changePriority(requested, JobPriority.HIGH);

			assertThat(table.mustMakeWayForHigh(running)).isTrue();
		}

		@Test
		void aRunningJobKeepsItsWorkerWhileAnotherIsFree() throws InterruptedException {
			table.update(TableFixture.settings(2));
			Job running = fixture.running();
			String requested = fixture.admit();

			table.changePriority(requested, JobPriority.HIGH);

			assertThat(table.mustMakeWayForHigh(running)).isFalse();
		}

		@Test
		void aRunningHighJobNeverMakesWay() throws InterruptedException {
			table.update(TableFixture.settings(1));
			Job running = fixture.running();
			table.changePriority(running.id(), JobPriority.HIGH);
			table.changePriority(fixture.admit(), JobPriority.HIGH);

			assertThat(table.mustMakeWayForHigh(running)).isFalse();
		}
	}

	@Nested
	class Claiming {
		@Test
		void aTrashedJobLearnsItsAssetAndGoesLow() {
			String jobId = fixture.admit();

			JobTable.Claim claim = table.claim(jobId, "file://media/Photo/1/IMG_1.jpg", true, true);

			assertThat(claim.toReport()).isNull();
			assertThat(snapshot(jobId).priority()).isEqualTo(JobPriority.LOW);
			assertThat(snapshot(jobId).assetUri()).isEqualTo("file://media/Photo/1/IMG_1.jpg");
		}

		@Test
		void anUnknownJobLostItsFramesOnceTheSpoolWasReadWhole() {
			String jobId = UUID.randomUUID().toString();

			JobTable.Claim claim = table.claim(jobId, "file://media/Photo/1/IMG_1.jpg", false, true);

			assertThat(claim.toReport().id()).isEqualTo(jobId);
			assertThat(claim.reason()).startsWith("SPOOL_MISSING");
			assertThat(table.countJobsOutside(Set.of())).isEqualTo(1);
		}

		@Test
		void anUnknownJobIsOnlyFlaggedWhenTheSpoolCouldNotBeRead() {
			JobTable.Claim claim = table.claim(UUID.randomUUID().toString(), "file://media/Photo/1/IMG_1.jpg", false,
					false);

			assertThat(claim.unknown()).isTrue();
			assertThat(claim.toReport()).isNull();
			assertThat(table.countJobsOutside(Set.of())).isZero();
		}

		@Test
		void anErrorJobIsReportedAgainWithItsOwnReason() throws InterruptedException {
			Job job = fixture.running();
			table.endInError(job, "DEVELOPMENT_FAILED: boom");

			JobTable.Claim claim = table.claim(job.id(), "file://media/Photo/1/IMG_1.jpg", false, true);

			assertThat(claim.toReport()).isSameAs(job);
			assertThat(claim.reason()).isEqualTo("DEVELOPMENT_FAILED: boom");
		}
	}

	@Nested
	class Draining {
		@Test
		void aDrainDoesNotWaitForJobsAwaitingTheirAsset() throws InterruptedException {
			Job job = fixture.running();
			table.requeueUntilAsset(job, fixture.clock.instant());

			assertThat(table.drain(Duration.ZERO)).isTrue();
		}

		@Test
		void aDrainWaitsForARunningJob() throws InterruptedException {
			fixture.running();

			assertThat(table.drain(Duration.ZERO)).isFalse();
		}

		@Test
		void aDrainingTableHandsOutJobsDespitePauseAndPressure() throws InterruptedException {
			fixture.admit();
			table.pause(true);
			var busy = TableFixture.holding(busyMachine());
			Thread drain = Thread.ofVirtual().start(() -> table.drain(Duration.ofSeconds(10)));

			assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
				Job job = null;
				while (job == null) {
					long seen = table.changes();
					job = table.take(busy, seen, TableFixture.ONLY_LOCAL);
				}
			});
			table.stop();
			drain.join();
		}
	}
}
