package camera.deferred.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import camera.api.DeveloperStats;
import camera.api.hal.RawFrame;
import camera.deferred.internal.development.DevelopedJpeg;
import camera.deferred.internal.development.DevelopmentLane;
import camera.develop.ExifData;

class DevelopmentLanesTest {
	private final DevelopmentLanes lanes = new DevelopmentLanes();

	private static DevelopmentLane lane(String name, int slots) {
		return new DevelopmentLane() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public boolean local() {
				return name.equals(LOCAL);
			}

			@Override
			public int slots() {
				return slots;
			}

			@Override
			public DevelopedJpeg develop(String jobId, List<RawFrame> burst, int quality, ExifData exif,
					BooleanSupplier stop) {
				throw new UnsupportedOperationException();
			}
		};
	}

	private void completed(DevelopmentLane lane, long millis) {
		lanes.started(lane);
		lanes.finished(lane, millis, true);
	}

	@Nested
	class HighRequests {
		private final DevelopmentLane local = lane(DevelopmentLane.LOCAL, 1);
		private final DevelopmentLane node = lane("127.0.0.1:7700", 2);

		@Test
		void aHighJobGoesToTheLaneWithTheShorterAverage() {
			lanes.open(local);
			lanes.open(node);
			completed(local, 1000);
			completed(node, 400);
			assertThat(lanes.finishesHighFirst(node)).isTrue();
			assertThat(lanes.finishesHighFirst(local)).isFalse();
		}

		@Test
		void aBusyFastLaneCanLoseToAnIdleSlowerOne() {
			lanes.open(local);
			lanes.open(node);
			completed(local, 1000);
			completed(node, 700);
			lanes.started(node);
			lanes.started(node);
			assertThat(lanes.finishesHighFirst(local)).isTrue();
		}

		@Test
		void aClosedLaneDoesNotHoldAHighJobBack() {
			lanes.open(local);
			lanes.open(node);
			completed(local, 1000);
			completed(node, 100);
			lanes.close(node);
			assertThat(lanes.finishesHighFirst(local)).isTrue();
		}

		@Test
		void lanesNotMeasuredYetTakeAHighJobAlike() {
			lanes.open(local);
			lanes.open(node);
			assertThat(lanes.finishesHighFirst(local)).isTrue();
			assertThat(lanes.finishesHighFirst(node)).isTrue();
		}
	}

	@Nested
	class Statistics {
		@Test
		void onlyCompletedJobsCountIntoTheAverage() {
			DevelopmentLane node = lane("127.0.0.1:7700", 2);
			lanes.open(node);
			completed(node, 300);
			lanes.started(node);
			lanes.finished(node, 5, false);
			assertThat(lanes.stats()).singleElement().satisfies(stats -> {
				assertThat(stats.completed()).isEqualTo(1);
				assertThat(stats.averageMs()).isEqualTo(300.0);
			});
		}

		@Test
		void aNodeThatComesBackKeepsItsCounts() {
			DevelopmentLane gone = lane("127.0.0.1:7700", 2);
			lanes.open(gone);
			completed(gone, 200);
			lanes.close(gone);
			DevelopmentLane back = lane("127.0.0.1:7700", 3);
			lanes.open(back);
			assertThat(lanes.stats()).extracting(DeveloperStats::completed, DeveloperStats::slots,
					DeveloperStats::available).containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 3, true));
		}
	}
}
