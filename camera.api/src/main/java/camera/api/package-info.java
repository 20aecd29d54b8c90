/**
 * The camera contracts applications program against, modelled on OpenHarmony's Camera Kit.
 * <p>
 * An application gets the {@link camera.api.CameraManager} service, picks a {@link camera.api.CameraDevice}
 * and a photo {@link camera.api.Profile}, and configures a {@link camera.api.PhotoSession} with a
 * {@link camera.api.CameraInput} and a {@link camera.api.PhotoOutput}. Photos arrive as events of the output:
 * a media-library asset at once with deferred delivery ({@code photoAssetAvailable}), a
 * {@link camera.api.DeferredPhotoProxy} for system apps, or a full {@link camera.api.Photo} without it. Misuse
 * raises a {@link camera.api.CameraException} carrying a {@link camera.api.CameraErrorCode}.
 * {@link camera.api.DeferredProcessing} shows and steers the jobs that develop the full-quality photos, and
 * {@link camera.api.DeferredJobEvents} names the EventAdmin events their transitions post.
 */
@Version("1.3.0")
@Export
package camera.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
