package camera.api.hal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

import camera.api.DeferredDeliveryImageType;
import camera.api.Size;

import org.junit.jupiter.api.Test;

class HalValueTypesTest {

	private static final FrameMetadata META = new FrameMetadata(0, 10_000_000, 100, 256, 4095, BayerPattern.RGGB);

	@Test
	void frameRefusesImpossibleGeometry() {
		assertThatThrownBy(() -> new RawFrame(PixelFormat.YUYV, 0, 2, 4, ByteBuffer.allocate(8), META))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new RawFrame(PixelFormat.YUYV, 2, 2, -1, ByteBuffer.allocate(8), META))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void captureRequestNeedsAtLeastOneFrame() {
		assertThatThrownBy(() -> new HalCaptureRequest(1, new Size(2, 2), PixelFormat.RAW_BAYER16, 0))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void capabilitiesAreImmutableAndNeedABurstOfOneOrMore() {
		HalCapabilities caps = new HalCapabilities(List.of(new HalProfile(new Size(4, 4), PixelFormat.YUYV)), 1,
				Set.of(DeferredDeliveryImageType.PHOTO));
		assertThatThrownBy(() -> caps.profiles().add(null)).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> new HalCapabilities(List.of(), 0, Set.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aSceneBurstNeedsAFrameAndALinearReference() {
		RawFrame raw = new RawFrame(PixelFormat.RAW_BAYER16, 2, 2, 4, ByteBuffer.allocate(8), META);
		RawFrame linear = new RawFrame(PixelFormat.RGB48_LINEAR, 2, 2, 12, ByteBuffer.allocate(24), META);
		assertThat(new SceneBurst(List.of(raw), linear).frames()).containsExactly(raw);
		assertThatThrownBy(() -> new SceneBurst(List.of(), linear)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SceneBurst(List.of(raw), raw)).isInstanceOf(IllegalArgumentException.class);
	}
}
