package camera.deferred.internal.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import camera.api.hal.RawFrame;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;

class StoppableDevelopmentTest {
	private static final RgbImage IMAGE = new RgbImage(1, 1, new byte[3]);

	private final StoppableDevelopment development = new StoppableDevelopment();

	@AfterEach
	void close() {
		development.close();
	}

	private static PhotoDeveloper developing(Function<List<RawFrame>, RgbImage> full) {
		return new PhotoDeveloper() {
			@Override
			public RgbImage developFast(RawFrame frame) {
				throw new AssertionError("not used");
			}

			@Override
			public RgbImage developFull(List<RawFrame> burst) {
				return full.apply(burst);
			}

			@Override
			public RgbImage renderReference(RawFrame linearReference) {
				throw new AssertionError("not used");
			}
		};
	}

	/** A developer that runs until it is interrupted, and says whether it was. */
	private static final class UntilInterrupted {
		final CountDownLatch started = new CountDownLatch(1);
		final CountDownLatch ended = new CountDownLatch(1);
		final AtomicBoolean interrupted = new AtomicBoolean();

		RgbImage develop(List<RawFrame> burst) {
			started.countDown();
			try {
				new CountDownLatch(1).await();
				return IMAGE;
			} catch (InterruptedException e) {
				interrupted.set(true);
				throw new CancellationException("interrupted");
			} finally {
				ended.countDown();
			}
		}
	}

	@Test
	void aDevelopmentThatIsNotStoppedGivesTheDevelopersImage() {
		assertThat(development.developFull(developing(burst -> IMAGE), List.of(), () -> false)).isSameAs(IMAGE);
	}

	@Test
	void aStopConditionThatTurnsTrueInterruptsTheDeveloper() throws Exception {
		UntilInterrupted developer = new UntilInterrupted();
		AtomicBoolean stop = new AtomicBoolean();
		Thread.ofVirtual().start(() -> {
			try {
				developer.started.await();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			stop.set(true);
		});

		assertThatThrownBy(() -> development.developFull(developing(developer::develop), List.of(), stop::get))
			.isInstanceOf(CancellationException.class);
		assertThat(developer.ended.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(developer.interrupted).isTrue();
	}

	@Test
	void closingInterruptsADevelopmentStillRunning() throws Exception {
		UntilInterrupted developer = new UntilInterrupted();
		Thread.ofVirtual().start(() -> {
			try {
				developer.started.await();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			development.close();
		});

		assertThatThrownBy(() -> development.developFull(developing(developer::develop), List.of(), () -> false))
			.isInstanceOf(CancellationException.class);
		assertThat(developer.ended.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(developer.interrupted).isTrue();
	}

	@Test
	void theDevelopersOwnFailureReachesTheCallerAsItWas() {
		IllegalArgumentException failure = new IllegalArgumentException("an empty burst");

		assertThatThrownBy(() -> development.developFull(developing(burst -> {
			throw failure;
		}), List.of(), () -> false)).isSameAs(failure);
	}

	@Test
	void aClosedDevelopmentRefusesNewCallsWithCancellation() {
		development.close();

		assertThatThrownBy(() -> development.developFull(developing(burst -> IMAGE), List.of(), () -> false))
			.isInstanceOf(CancellationException.class);
	}
}
