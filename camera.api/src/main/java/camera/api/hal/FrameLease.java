package camera.api.hal;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A frame in a buffer the HAL owns, lent to the framework until {@link #release()} (as V4L2's DQBUF and QBUF, or
 * Android's ImageReader acquire and close). The framework reads the frame without copying it and releases it as
 * soon as it no longer needs it; from then on the HAL may fill the buffer again. A HAL lends a bounded set of
 * buffers: while all are lent it drops the frames it would have delivered, it never waits for one to come back.
 * Thread-safe: release may be called from any thread, and more than once.
 */
public final class FrameLease implements AutoCloseable {
	private final RawFrame frame;
	private final Runnable giveBack;
	private final AtomicBoolean released = new AtomicBoolean();

	/**
	 * @param frame    the frame, whose buffer stays valid until the lease is released
	 * @param giveBack called once, on the first release, to return the buffer to the HAL
	 */
	public FrameLease(RawFrame frame, Runnable giveBack) {
		this.frame = Objects.requireNonNull(frame, "frame");
		this.giveBack = Objects.requireNonNull(giveBack, "giveBack");
	}

	/**
	 * @return the lent frame; its data must not be read after the release
	 * @throws IllegalStateException when the lease was released
	 */
	public RawFrame frame() {
		if (released.get()) {
			throw new IllegalStateException("the frame's buffer was given back to the HAL");
		}
		return frame;
	}

	/** @return whether the buffer was given back */
	public boolean released() {
		return released.get();
	}

	/** Gives the buffer back to the HAL; later calls do nothing. */
	public void release() {
		if (released.compareAndSet(false, true)) {
			giveBack.run();
		}
	}

	@Override
	public void close() {
		release();
	}

	/** @return a copy of the frame in a new heap buffer, which belongs to the caller and outlives the lease */
	public RawFrame copy() {
		RawFrame lent = frame();
		ByteBuffer source = lent.data().duplicate().position(0);
		ByteBuffer copy = ByteBuffer.allocate(source.limit()).order(lent.data().order());
		copy.put(source).flip();
		return new RawFrame(lent.format(), lent.width(), lent.height(), lent.stride(), copy, lent.metadata());
	}
}
