package media.library.processing;

import java.nio.file.Path;
import java.util.Optional;

import media.library.MediaLibraryException;
import media.library.PhotoAsset;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The library's side of deferred delivery, used by the camera. A service of the library; thread-safe.
 */
@ProviderType
public interface CameraPhotoStore {

	/**
	 * Creates a pending FAST asset for {@code photoAssetAvailable}. It is not listed until the app applies
	 * {@code saveCameraPhoto}; pending assets nobody saves are removed after a configured time and their jobs
	 * cancelled through {@link DeferredProcessingSession#removeImage}.
	 *
	 * @throws MediaLibraryException IO_ERROR or STORAGE_FULL when the image could not be stored
	 */
	PhotoAsset createCameraAsset(CameraPhoto photo);

	/**
	 * Replaces the FAST image of the asset holding this job with the FULL image, in place and atomically: the
	 * new file is written beside the old one, synced, renamed over it, and the asset flips to FULL in the same
	 * database transaction. Waiting requests then receive the FULL image. The asset's id and URI do not change.
	 *
	 * @param fullImage a JPEG file; the library moves or copies it and the caller may delete it afterwards
	 * @return the completed asset, or empty when no asset holds this job any more (it was deleted)
	 * @throws MediaLibraryException IO_ERROR or STORAGE_FULL when the replacement failed; the asset is then
	 *                               still wholly FAST
	 */
	Optional<PhotoAsset> completeDeferredPhoto(String jobId, Path fullImage, int width, int height);

	/**
	 * Records that the job of an asset can never complete (attempts exhausted, frames lost, job unknown): the
	 * asset's FAST image becomes its final image. The asset forgets the job and records the reason
	 * ({@link PhotoAsset#finalReason()}), {@link media.library.MediaLibraryEvents#TOPIC_FINALIZED} is posted with
	 * it, requests waiting for the FULL image receive the FAST one as final, and later requests in every mode
	 * succeed with it.
	 *
	 * @param reason why, for the application and the log; a generic reason when null or blank
	 * @return the asset, or empty when no FAST asset holds this job (it was deleted or is FULL already)
	 */
	Optional<PhotoAsset> failDeferredPhoto(String jobId, String reason);

	/**
	 * Keeps a DNG of the capture's raw frame beside the image of the asset holding this job, as its
	 * {@link media.library.ResourceType#RAW_IMAGE}; a second call replaces it. The asset's quality does not change.
	 *
	 * @param dng a DNG file; the library copies it and the caller may delete it afterwards
	 * @return the asset, or empty when no asset holds this job any more (it was deleted)
	 * @throws MediaLibraryException IO_ERROR or STORAGE_FULL when the file could not be written
	 * @since 1.2
	 */
	Optional<PhotoAsset> addRawImage(String jobId, Path dng);

	/** @return the asset holding this deferred job, pending or not, if there is one */
	Optional<PhotoAsset> findByJob(String jobId);
}
