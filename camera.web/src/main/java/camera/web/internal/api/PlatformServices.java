package camera.web.internal.api;

import java.util.List;

import camera.api.CameraManager;
import camera.api.DeferredProcessing;
import camera.web.internal.events.JobHistory;
import media.library.MediaAssetManager;
import media.library.PhotoAccessHelper;

/**
 * The platform services the API works on, each read once per call; a missing one ends the request with
 * {@link WebErrorCode#SERVICE_UNAVAILABLE}.
 */
public interface PlatformServices {

	/** @return the camera manager; never {@code null} */
	CameraManager cameras();

	/** @return the media library; never {@code null} */
	PhotoAccessHelper library();

	/** @return the image delivery of the library; never {@code null} */
	MediaAssetManager images();

	/** @return the deferred engine; never {@code null} */
	DeferredProcessing deferred();

	/** @return the timeline of the deferred job of an asset, as far as this bundle saw it; empty when none */
	default List<JobHistory.Step> jobTimeline(String assetUri) {
		return List.of();
	}

	/** @return the service, or the SERVICE_UNAVAILABLE error when it is {@code null} */
	static <T> T require(T service, String what) {
		if (service == null) {
			throw new ApiError(WebErrorCode.SERVICE_UNAVAILABLE, what + " is not running");
		}
		return service;
	}
}
