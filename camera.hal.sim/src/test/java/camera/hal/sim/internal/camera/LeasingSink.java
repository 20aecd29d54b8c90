package camera.hal.sim.internal.camera;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import camera.api.hal.FrameLease;
import camera.api.hal.FrameSink;
import camera.api.hal.RawFrame;

/** Keeps the leases a capture or stream lends, without releasing them unless told to. */
final class LeasingSink implements FrameSink {
	final List<FrameLease> leases = new CopyOnWriteArrayList<>();
	final List<RawFrame> owned = new CopyOnWriteArrayList<>();
	/** Each lent frame as it arrived, copied, and the address of its buffer. */
	final List<RawFrame> lentCopies = new CopyOnWriteArrayList<>();
	final List<Long> addresses = new CopyOnWriteArrayList<>();
	private final Semaphore arrivals = new Semaphore(0);
	private final boolean releaseAtOnce;

	LeasingSink(boolean releaseAtOnce) {
		this.releaseAtOnce = releaseAtOnce;
	}

	@Override
	public void shutter(long timestampNanos) {
	}

	@Override
	public void frame(RawFrame frame) {
		owned.add(frame);
		arrivals.release();
	}

	@Override
	public void frame(FrameLease lease) {
		lentCopies.add(lease.copy());
		if (lease.frame().data().isDirect()) {
			addresses.add(MemorySegment.ofBuffer(lease.frame().data()).address());
		}
		leases.add(lease);
		if (releaseAtOnce) {
			lease.release();
		}
		arrivals.release();
	}

	/** Waits for that many more frames; the timeout only bounds a failure. */
	void await(int frames) throws InterruptedException {
		if (!arrivals.tryAcquire(frames, 10, TimeUnit.SECONDS)) {
			throw new AssertionError("fewer than " + frames + " frames arrived");
		}
	}

	void releaseAll() {
		leases.forEach(FrameLease::release);
	}
}
