package camera.deferred.internal.remote;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import camera.api.hal.RawFrame;
import camera.deferred.internal.development.DevelopedJpeg;
import camera.deferred.internal.development.DevelopmentLane;
import camera.deferred.internal.development.LaneUnavailableException;
import camera.develop.ExifData;
import camera.develop.remote.DevelopedPhoto;
import camera.develop.remote.DevelopmentOrder;
import camera.develop.remote.FramePacket;
import camera.develop.remote.RemoteDevelopmentException;
import camera.develop.remote.RemoteDeveloper;
import camera.develop.remote.RemoteErrorCode;
import camera.develop.remote.SharedSecret;

/**
 * A development node as a lane: each job's burst goes out as a proven order with a checksum per frame, and only
 * the proven, intact answer to that very order (its job id and nonce) comes back as the photo. The call runs on a
 * virtual thread of its own: when the job must stop, that thread is interrupted, which closes its socket, and
 * whatever the node answers later reaches nobody. A node that cannot be reached, refuses the secret or answers
 * wrongly is reported to {@code unreachable}, which closes the lane until the node answers again.
 */
final class RemoteLane implements DevelopmentLane, AutoCloseable {
	private static final long POLL_MILLIS = 10;

	private final String name;
	private final int slots;
	private final RemoteDeveloper node;
	private final SharedSecret secret;
	private final Consumer<String> unreachable;
	private final SecureRandom nonces = new SecureRandom();
	private final ExecutorService calls;

	/**
	 * @param slots       jobs sent at once: the node's slots and one more, so that a transfer overlaps a development
	 * @param unreachable told why, when the node failed a call for reasons of its own
	 */
	RemoteLane(String name, int slots, RemoteDeveloper node, SharedSecret secret, Consumer<String> unreachable) {
		this.name = name;
		this.slots = slots;
		this.node = node;
		this.secret = secret;
		this.unreachable = unreachable;
		this.calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("darkroom-remote-" + name + "-", 0)
			.factory());
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public boolean local() {
		return false;
	}

	@Override
	public int slots() {
		return slots;
	}

	@Override
	public DevelopedJpeg develop(String jobId, List<RawFrame> burst, int quality, ExifData exif,
			BooleanSupplier stop) {
		DevelopmentOrder order = DevelopmentOrder.signed(jobId, nonces.nextLong(),
				burst.stream().map(FramePacket::of).toList(), quality, exif, secret);
		DevelopedPhoto photo = call(order, stop);
		if (!photo.answers(order, secret)) {
			throw gone("its answer to job " + jobId + " is not the proven, intact answer to that order", null);
		}
		return new DevelopedJpeg(photo.jpeg(), photo.width(), photo.height());
	}

	private DevelopedPhoto call(DevelopmentOrder order, BooleanSupplier stop) {
		Future<DevelopedPhoto> call;
		try {
			call = calls.submit(() -> node.develop(order));
		} catch (RejectedExecutionException e) {
			throw new LaneUnavailableException("lane " + name + " is closed", e);
		}
		try {
			while (true) {
				try {
					return call.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
				} catch (TimeoutException e) {
					if (stop.getAsBoolean()) {
						call.cancel(true);
						throw new CancellationException("job " + order.jobId() + " given up on node " + name);
					}
				}
			}
		} catch (InterruptedException e) {
			call.cancel(true);
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted while node " + name + " developed");
		} catch (ExecutionException e) {
			throw failure(order, e.getCause());
		}
	}

	/** A burst the node could not develop fails its attempt; any other failure is the node's, not the job's. */
	private RuntimeException failure(DevelopmentOrder order, Throwable cause) {
		if (cause instanceof RemoteDevelopmentException refused
				&& refused.errorCode() == RemoteErrorCode.DEVELOPMENT_FAILED) {
			return refused;
		}
		return gone("job " + order.jobId() + ": " + Problems.describe(cause), cause);
	}

	private LaneUnavailableException gone(String why, Throwable cause) {
		unreachable.accept(why);
		return new LaneUnavailableException("node " + name + " failed: " + why, cause);
	}

	@Override
	public void close() {
		calls.shutdownNow();
	}
}
