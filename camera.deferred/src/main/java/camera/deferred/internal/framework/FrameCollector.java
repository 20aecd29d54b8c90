package camera.deferred.internal.framework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import camera.api.FrameShutterInfo;
import camera.api.hal.FrameLease;
import camera.api.hal.FrameSink;
import camera.api.hal.HalCaptureRequest;
import camera.api.hal.RawFrame;
import camera.deferred.internal.development.PhotoExif;
import camera.deferred.internal.jobs.BurstSpooling;
import camera.develop.ExifData;

/**
 * Receives the frames of one capture from the HAL: fires {@code frameShutter} when the exposure begins, leaves
 * out frames that fail the {@link FrameCheck} (a burst goes on with the others) and, when the delivery is deferred,
 * starts phase 1 on the first good frame and hands every good frame to the spool as it arrives. Frames lent by
 * the HAL are read where they are; the photo gives them back once it is delivered, and frames left out or arriving
 * after the collector was closed go back at once.
 */
final class FrameCollector implements FrameSink {
	private final Capture capture;
	private final HalCaptureRequest request;
	private final BiFunction<RawFrame, ExifData, CompletableFuture<FastImage>> fastStart;
	private final BurstSpooling spooling;
	private final List<RawFrame> frames = new ArrayList<>();
	private final List<FrameLease> leases = new ArrayList<>();
	private boolean closed;
	private final List<String> rejections = new ArrayList<>();
	private int delivered;
	private Instant captureTime;
	private ExifData exif;
	private CompletableFuture<FastImage> fastImage;

	/**
	 * @param fastStart starts phase 1 of the first frame, or {@code null} when the delivery is single-phase
	 * @param spooling  takes the frames into the spool, or {@code null} when they do not go there
	 */
	FrameCollector(Capture capture, HalCaptureRequest request,
			BiFunction<RawFrame, ExifData, CompletableFuture<FastImage>> fastStart, BurstSpooling spooling) {
		this.capture = capture;
		this.request = request;
		this.fastStart = fastStart;
		this.spooling = spooling;
	}

	@Override
	public synchronized void shutter(long timestampNanos) {
		if (captureTime != null) {
			return;
		}
		captureTime = SensorClock.instant(timestampNanos);
		capture.timeline().mark(CaptureTimeline.Mark.SHUTTER, timestampNanos);
		capture.output().fireFrameShutter(new FrameShutterInfo(capture.id(), captureTime.toEpochMilli()));
	}

	@Override
	public synchronized void frame(RawFrame frame) {
		if (!closed) {
			accept(frame);
		}
	}

	@Override
	public synchronized void frame(FrameLease lease) {
		if (!closed && accept(lease.frame())) {
			leases.add(lease);
		} else {
			lease.release();
		}
	}

	/**
	 * Gives back every frame lent so far, once phase 1 no longer reads the first, and any that arrives later: the
	 * capture failed.
	 */
	synchronized void releaseAll() {
		closed = true;
		List<FrameLease> lent = List.copyOf(leases);
		leases.clear();
		CapturedPhoto.releaseOnceRead(lent, fastImage);
	}

	/** @return whether the frame is kept */
	private boolean accept(RawFrame frame) {
		if (captureTime == null) {
			// A HAL that forgot the shutter still gets the events in order.
			shutter(frame.metadata().timestampNanos());
		}
		int index = delivered++;
		Optional<String> problem = FrameCheck.problem(frame, request);
		if (problem.isPresent()) {
			rejections.add("frame " + index + " " + problem.get());
			return false;
		}
		frames.add(frame);
		if (spooling != null) {
			spooling.add(frame);
		}
		if (frames.size() == 1) {
			capture.timeline().mark(CaptureTimeline.Mark.FIRST_FRAME);
			exif = PhotoExif.of(capture.setting(), capture.configuration().camera(), frame.metadata(), captureTime);
			if (fastStart != null) {
				fastImage = fastStart.apply(frame, exif);
			}
		}
		return true;
	}

	synchronized List<RawFrame> frames() {
		return List.copyOf(frames);
	}

	/** @return why frames were left out, one line each ("frame 2 holds 100 bytes, ...") */
	synchronized List<String> rejections() {
		return List.copyOf(rejections);
	}

	/** @return the photo, once every frame is in; it holds the frames lent until it gives them back */
	synchronized CapturedPhoto photo() {
		closed = true;
		return new CapturedPhoto(capture, frames, captureTime, exif, fastImage, spooling, List.copyOf(leases));
	}
}
