package camera.web.internal.capture;

/** A capture that could not be run as asked: the camera gave nothing in time, or does not offer the flow. */
public final class CaptureFailure extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final boolean timedOut;

	CaptureFailure(String message, boolean timedOut) {
		super(message, null, false, false);
		this.timedOut = timedOut;
	}

	/** @return whether the camera gave nothing within the timeout */
	public boolean timedOut() {
		return timedOut;
	}
}
