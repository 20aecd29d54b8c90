package media.library.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import media.library.processing.DeferredProcessingSession;

/** A deferred processing session that writes down every call, e.g. {@code "processImage job-1"}. */
public final class RecordingSession implements DeferredProcessingSession {
	private final BlockingQueue<String> calls = new LinkedBlockingQueue<>();

	/** @return the next call, waiting for it; fails the test when none comes */
	public String nextCall() throws InterruptedException {
		String call = calls.poll(10, TimeUnit.SECONDS);
		if (call == null) {
			throw new AssertionError("the library made no further call to the processing session");
		}
		return call;
	}

	@Override
	public void processImage(String jobId) {
		calls.add("processImage " + jobId);
	}

	@Override
	public void cancelProcessImage(String jobId) {
		calls.add("cancelProcessImage " + jobId);
	}

	@Override
	public void removeImage(String jobId, boolean restorable) {
		calls.add("removeImage " + jobId + " " + restorable);
	}

	@Override
	public void restoreImage(String jobId) {
		calls.add("restoreImage " + jobId);
	}

	@Override
	public void beginSynchronize() {
		calls.add("beginSynchronize");
	}

	@Override
	public void addImage(String jobId, String assetUri, boolean trashed) {
		calls.add("addImage " + jobId + " " + trashed);
	}

	@Override
	public void endSynchronize() {
		calls.add("endSynchronize");
	}
}
