package camera.node.internal;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;

import camera.api.hal.RawFrame;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;
import camera.develop.remote.DevelopedPhoto;
import camera.develop.remote.DevelopmentOrder;
import camera.develop.remote.FramePacket;
import camera.develop.remote.NodeStatus;
import camera.develop.remote.RemoteDevelopmentException;
import camera.develop.remote.RemoteDeveloper;
import camera.develop.remote.RemoteErrorCode;
import camera.develop.remote.SharedSecret;

/**
 * The object the node exports. Aries RSA's TCP provider calls whatever public method a caller names on it through
 * reflection, so the class is public (a method of a package-private class cannot be invoked that way) and has no
 * public method besides the contract's. Orders beyond the node's slots wait for one, in arrival order.
 */
public final class NodeService implements RemoteDeveloper {
	private final String name;
	private final int slots;
	private final SharedSecret secret;
	private final PhotoDeveloper developer;
	private final JpegCodec codec;
	private final NodeStatistics statistics;
	private final Logger log;
	private final Semaphore free;

	NodeService(String name, int slots, SharedSecret secret, PhotoDeveloper developer, JpegCodec codec,
			NodeStatistics statistics, Logger log) {
		this.name = name;
		this.slots = slots;
		this.secret = secret;
		this.developer = developer;
		this.codec = codec;
		this.statistics = statistics;
		this.log = log;
		this.free = new Semaphore(slots, true);
	}

	@Override
	public NodeStatus status(long nonce, byte[] proof) {
		if (!secret.proves(proof, NodeStatus.requestParts(nonce))) {
			throw refused("a status request");
		}
		NodeStatistics.Snapshot now = statistics.snapshot();
		return NodeStatus.signed(name, Runtime.getRuntime().availableProcessors(), slots, now.running(),
				now.waiting(), now.developed(), nonce, secret);
	}

	@Override
	public DevelopedPhoto develop(DevelopmentOrder order) {
		if (order == null || !order.provenWith(secret)) {
			throw refused("an order");
		}
		statistics.received(order.frameBytes());
		long arrived = System.nanoTime();
		statistics.waiting(1);
		try {
			free.acquire();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("the node is stopping");
		} finally {
			statistics.waiting(-1);
		}
		statistics.running(1);
		try {
			List<RawFrame> burst = order.frames().stream().map(FramePacket::toFrame).toList();
			RgbImage image = developer.developFull(burst);
			byte[] jpeg = codec.encodeCompact(image, order.quality(), order.exif());
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - arrived);
			statistics.developed(millis, jpeg.length);
			log.info("developed job {}: {} frames, {} bytes in, {} bytes out, {} ms", order.jobId(),
					burst.size(), order.frameBytes(), jpeg.length, millis);
			return DevelopedPhoto.signed(order, image.width(), image.height(), jpeg, millis, secret);
		} catch (RemoteDevelopmentException e) {
			statistics.failed();
			log.warn("job {} refused: {}", order.jobId(), e.getMessage());
			throw e;
		} catch (RuntimeException e) {
			statistics.failed();
			log.warn("job {} could not be developed: {}", order.jobId(), e.toString());
			throw new RemoteDevelopmentException(RemoteErrorCode.DEVELOPMENT_FAILED,
					"job " + order.jobId() + " could not be developed: " + e.getMessage());
		} finally {
			statistics.running(-1);
			free.release();
		}
	}

	private RemoteDevelopmentException refused(String what) {
		statistics.refused();
		log.warn("{} without a valid proof of the shared secret was refused", what);
		return new RemoteDevelopmentException(RemoteErrorCode.UNAUTHENTICATED,
				what + " was not proven with this node's shared secret");
	}
}
