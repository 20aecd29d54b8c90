package camera.shell.internal.camera;

import java.util.OptionalLong;

import media.library.MediaQuality;

/**
 * A photo that {@code camera:capture} took and saved.
 *
 * @param captureId    the id its capture events carried
 * @param assetUri     the URI of its asset in the media library
 * @param quality      the quality of the saved asset
 * @param phase1Millis    from the capture call to the photo event, in milliseconds
 * @param shutterLagMillis from the capture call to the start of exposure of the photo's first frame, in
 *                         milliseconds: negative when the frame was taken before the call (zero shutter lag);
 *                         empty when the camera reported no shutter
 * @param developedAtOnce whether a deferred flow delivered it developed already, because the platform had no room
 *                        to defer it (its spool or disk was full): a photo all the same, with a note
 */
record CapturedPhoto(int captureId, String assetUri, MediaQuality quality, long phase1Millis,
		OptionalLong shutterLagMillis, boolean developedAtOnce) {

	/** @return the line {@code camera:capture} prints for it */
	String line() {
		String line = "capture " + captureId + "  " + assetUri + "  " + quality + "  phase 1: " + phase1Millis + " ms"
				+ "  shutter lag: " + (shutterLagMillis.isPresent() ? shutterLagMillis.getAsLong() + " ms" : "n/a");
		return developedAtOnce ? line + "  (developed at once: no room to defer it)" : line;
	}
}
