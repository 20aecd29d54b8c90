package camera.hal.sim.internal.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import camera.api.Size;
import camera.hal.sim.internal.sensor.RowBands;
import camera.hal.sim.internal.sensor.SensorModel;
import camera.hal.sim.internal.sensor.SimulatedSensor;

class FrameBuffersTest {
	private static final Size SIZE = new Size(64, 48);
	private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);
	private static final SimulatedSensor SENSOR = new SimulatedSensor(new SensorModel(256, 800, 1, 1, true), 1, 2,
			new RowBands(WORKERS));

	@AfterAll
	static void stopWorkers() {
		WORKERS.shutdownNow();
	}

	@Test
	void framesAreLentInNativeBuffersOfTheFrameSize() {
		FrameBuffers buffers = new FrameBuffers(SENSOR, 2, 3, 1);

		FrameBuffers.Lent lent = buffers.lend(SIZE).orElseThrow();

		assertThat(lent.samples().isDirect()).isTrue();
		assertThat(lent.samples().isReadOnly()).isTrue();
		assertThat(lent.samples().remaining()).isEqualTo(SIZE.width() * 2 * SIZE.height());
	}

	@Test
	void everyBufferHoldsNoiseOfItsOwn() {
		FrameBuffers buffers = new FrameBuffers(SENSOR, 2, 4, 1);
		Set<ByteBuffer> distinct = new HashSet<>();

		for (int i = 0; i < 4; i++) {
			distinct.add(copy(buffers.lend(SIZE).orElseThrow().samples()));
		}

		assertThat(distinct).hasSize(4);
	}

	@Test
	void withEveryBufferLentNoneIsLentUntilOneIsGivenBack() {
		FrameBuffers buffers = new FrameBuffers(SENSOR, 2, 2, 1);
		List<FrameBuffers.Lent> held = new ArrayList<>();
		held.add(buffers.lend(SIZE).orElseThrow());
		held.add(buffers.lend(SIZE).orElseThrow());

		Optional<FrameBuffers.Lent> none = buffers.lend(SIZE);
		held.get(0).giveBack().run();
		Optional<FrameBuffers.Lent> again = buffers.lend(SIZE);

		assertThat(none).isEmpty();
		assertThat(again).isPresent();
		assertThat(copy(again.get().samples())).isEqualTo(copy(held.get(0).samples()));
	}

	@Test
	void theLeastRecentlyReturnedBufferIsLentFirst() {
		FrameBuffers buffers = new FrameBuffers(SENSOR, 2, 3, 1);
		FrameBuffers.Lent first = buffers.lend(SIZE).orElseThrow();
		ByteBuffer firstFrame = copy(first.samples());
		first.giveBack().run();

		ByteBuffer next = copy(buffers.lend(SIZE).orElseThrow().samples());

		assertThat(next).isNotEqualTo(firstFrame);
	}

	@Test
	void aStreamIsLentOnlyBuffersRenderedAlreadyAndNeverWaitsForARender() {
		FrameBuffers buffers = new FrameBuffers(SENSOR, 2, 3, 1);

		Optional<FrameBuffers.Lent> beforeRendering = buffers.lendRendered(SIZE);
		buffers.prepare(SIZE, 2);
		Optional<FrameBuffers.Lent> first = buffers.lendRendered(SIZE);
		Optional<FrameBuffers.Lent> second = buffers.lendRendered(SIZE);
		Optional<FrameBuffers.Lent> third = buffers.lendRendered(SIZE);

		assertThat(beforeRendering).isEmpty();
		assertThat(first).isPresent();
		assertThat(second).isPresent();
		assertThat(third).isEmpty();
		assertThat(buffers.lend(SIZE)).as("a capture renders the last one itself").isPresent();
	}

	@Test
	void theSameSeedRendersTheSameBuffers() {
		ByteBuffer one = copy(new FrameBuffers(SENSOR, 2, 2, 7).lend(SIZE).orElseThrow().samples());
		ByteBuffer other = copy(new FrameBuffers(SENSOR, 2, 2, 7).lend(SIZE).orElseThrow().samples());
		ByteBuffer otherSeed = copy(new FrameBuffers(SENSOR, 2, 2, 8).lend(SIZE).orElseThrow().samples());

		assertThat(one).isEqualTo(other).isNotEqualTo(otherSeed);
	}

	private static ByteBuffer copy(ByteBuffer samples) {
		ByteBuffer copy = ByteBuffer.allocate(samples.remaining());
		copy.put(samples.duplicate()).flip();
		return copy;
	}
}
