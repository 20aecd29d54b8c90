package camera.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveHeapTest {
	private static final int MEGABYTE = 1024 * 1024;

	@Test
	void whatIsHeldAliveAcrossACollectionCounts() throws InterruptedException {
		byte[] held;
		long peak;
		try (LiveHeap live = new LiveHeap()) {
			held = new byte[64 * MEGABYTE];
			held[held.length - 1] = 1;
			System.gc();
			// the notification comes on a JMX thread shortly after the collection
			for (int i = 0; i < 100 && live.peakBytes() < 0; i++) {
				Thread.sleep(20);
			}
			peak = live.peakBytes();
		}

		assertThat(held[held.length - 1]).isEqualTo((byte) 1);
		assertThat(peak).isGreaterThanOrEqualTo(64L * MEGABYTE)
			.isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
	}
}
