package camera.deferred.internal.development;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import camera.api.hal.RawFrame;
import camera.develop.ExifData;

/**
 * Where phase 2 of a job runs: this machine's development services, or a development node. The engine runs as many
 * jobs on a lane at once as its {@link #slots()}; remote lanes are services that come and go with their nodes.
 */
public interface DevelopmentLane {
	/** The name of this machine's lane in the statistics. */
	String LOCAL = "local";

	/** @return {@link #LOCAL}, or the node's {@code HOST:PORT} */
	String name();

	/**
	 * @return whether the work loads this machine: the machine's pressure conditions then hold its jobs back, and
	 *         they yield to a capture
	 */
	boolean local();

	/** @return jobs the lane takes at once */
	int slots();

	/**
	 * Develops a burst fully into a JPEG. Blocks; thread-safe.
	 *
	 * @param stop polled while the development runs; when it turns true the development is abandoned
	 * @throws CancellationException    when {@code stop} turned true, or the calling thread was interrupted
	 * @throws LaneUnavailableException when the lane could not develop it for reasons of its own (its services
	 *                                  gone, its node unreachable or answering wrongly): the job belongs elsewhere
	 *                                  and the attempt does not count
	 * @throws RuntimeException         when the burst cannot be developed anywhere
	 */
	DevelopedJpeg develop(String jobId, List<RawFrame> burst, int quality, ExifData exif, BooleanSupplier stop);
}
