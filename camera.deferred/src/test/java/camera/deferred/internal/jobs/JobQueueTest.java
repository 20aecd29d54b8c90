package camera.deferred.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.JobPriority;

class JobQueueTest {
	private final JobQueue queue = new JobQueue();

	private Job queued(String id, JobPriority priority) {
		Job job = new Job(id, Instant.EPOCH, Instant.EPOCH, 0, 0, queue.nextSequence());
		queue.add(job);
		queue.changePriority(job, priority);
		return job;
	}

	@Nested
	class Ordering {
		@Test
		void highRunsBeforeNormalAndNormalBeforeLow() {
			queued("low", JobPriority.LOW);
			queued("normal", JobPriority.NORMAL);
			queued("high", JobPriority.HIGH);

			assertThat(queue.inOrder()).extracting(Job::id).containsExactly("high", "normal", "low");
		}

		@Test
		void normalJobsRunFirstInFirstOut() {
			queued("first", JobPriority.NORMAL);
			queued("second", JobPriority.NORMAL);
			queued("third", JobPriority.NORMAL);

			assertThat(queue.inOrder()).extracting(Job::id).containsExactly("first", "second", "third");
		}

		@Test
		void lowJobsRunFirstInFirstOut() {
			queued("first", JobPriority.LOW);
			queued("second", JobPriority.LOW);

			assertThat(queue.inOrder()).extracting(Job::id).containsExactly("first", "second");
		}

		@Test
		void theNewestHighRequestRunsFirst() {
			queued("older request", JobPriority.HIGH);
			queued("newer request", JobPriority.HIGH);

			assertThat(queue.inOrder()).extracting(Job::id).containsExactly("newer request", "older request");
		}
	}

	@Nested
	class PriorityChanges {
		@Test
		void raisingAnOldJobPutsItAtTheFrontOfTheHighJobs() {
			Job old = queued("old", JobPriority.NORMAL);
			queued("requested before", JobPriority.HIGH);

			queue.changePriority(old, JobPriority.HIGH);

			assertThat(queue.inOrder()).extracting(Job::id).containsExactly("old", "requested before");
		}

		@Test
		void loweringAJobPutsItAtTheEndOfTheLowJobs() {
			queued("trashed before", JobPriority.LOW);
			Job job = queued("job", JobPriority.NORMAL);
			queued("other", JobPriority.NORMAL);

			queue.changePriority(job, JobPriority.LOW);

			assertThat(queue.inOrder()).extracting(Job::id).containsExactly("other", "trashed before", "job");
		}

		@Test
		void askingAgainForTheSamePriorityKeepsTheJobsPlace() {
			Job first = queued("first", JobPriority.HIGH);
			queued("second", JobPriority.HIGH);

			queue.changePriority(first, JobPriority.HIGH);

			assertThat(queue.inOrder()).extracting(Job::id).containsExactly("second", "first");
		}

		@Test
		void aJobOutsideTheQueueChangesPriorityWithoutBeingQueued() {
			Job running = new Job("running", Instant.EPOCH, Instant.EPOCH, 0, 0, queue.nextSequence());

			queue.changePriority(running, JobPriority.HIGH);

			assertThat(running.priority()).isEqualTo(JobPriority.HIGH);
			assertThat(queue.size()).isZero();
		}
	}
}
