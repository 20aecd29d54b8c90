package camera.deferred.internal.framework;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import camera.api.hal.FrameLease;
import camera.api.hal.RawFrame;
import camera.deferred.internal.jobs.BurstSpooling;
import camera.deferred.internal.jobs.CapturedBurst;
import camera.develop.ExifData;

/**
 * A capture whose frames are all in, on its way to the app.
 *
 * @param capture     the capture
 * @param frames      its raw frames, in order
 * @param captureTime when the shutter opened
 * @param exif        what its JPEGs say about it
 * @param fastImage   its first-phase image, under way since the first frame arrived (deferred delivery only)
 * @param spooling    its burst on the way into the engine's spool since the first frame arrived; {@code null} when
 *                    the delivery is single-phase or the engine took no burst
 * @param leases      the frames among them that the HAL lent, given back by {@link #releaseFrames}
 */
record CapturedPhoto(Capture capture, List<RawFrame> frames, Instant captureTime, ExifData exif,
		CompletableFuture<FastImage> fastImage, BurstSpooling spooling, List<FrameLease> leases) {

	CapturedPhoto {
		frames = List.copyOf(frames);
		leases = List.copyOf(leases);
	}

	/**
	 * Gives the lent frames back to the HAL once nothing reads them: after the delivery, and after phase 1, which
	 * may still run when the delivery failed.
	 */
	void releaseFrames() {
		releaseOnceRead(leases, fastImage);
	}

	/** Gives lent frames back now, or once phase 1, which reads the first of them, has ended (when it runs). */
	static void releaseOnceRead(List<FrameLease> leases, CompletableFuture<FastImage> fastImage) {
		if (fastImage == null) {
			leases.forEach(FrameLease::release);
		} else {
			fastImage.whenComplete((image, failure) -> leases.forEach(FrameLease::release));
		}
	}

	/** @return the frames as phase 2 needs them, each with its own read position */
	CapturedBurst burst() {
		return new CapturedBurst(RawFrames.views(frames), capture.configuration().camera(), capture.setting(),
				captureTime);
	}

	/** For a photo that goes another way than the spool: drops what was written of its burst. */
	void abandonSpooling() {
		if (spooling != null) {
			spooling.abandon();
		}
	}

	/** @return the frames with their own read positions, for a developer */
	List<RawFrame> frameViews() {
		return RawFrames.views(frames);
	}
}
