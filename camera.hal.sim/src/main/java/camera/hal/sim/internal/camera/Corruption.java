package camera.hal.sim.internal.camera;

import java.nio.ByteBuffer;

/** How an injected fault spoils a frame; both are detectable by a receiver that checks what it gets. */
public enum Corruption {
	/** The buffer ends half-way through the frame, as after a lost transfer. */
	TRUNCATED,
	/** A band of rows holds 0xFFFF, above the 12-bit white level, as after a bus error. */
	OUT_OF_RANGE;

	/** Spoils the samples of a frame in place (OUT_OF_RANGE) or by shortening the buffer's limit (TRUNCATED). */
	void spoil(ByteBuffer samples, int stride, int height) {
		switch (this) {
			case TRUNCATED -> samples.limit(stride * (height / 2));
			case OUT_OF_RANGE -> {
				int firstRow = height / 3;
				int rows = Math.max(1, height / 10);
				for (int index = firstRow * stride; index < (firstRow + rows) * stride; index++) {
					samples.put(index, (byte) 0xFF);
				}
			}
		}
	}
}
