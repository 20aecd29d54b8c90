package media.library;

import java.awt.image.BufferedImage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Delivers the images of assets by {@link DeliveryMode}. A service of the media library; thread-safe.
 * <ul>
 * <li>{@link DeliveryMode#FAST_MODE}: the image that exists now, once; never starts processing.</li>
 * <li>{@link DeliveryMode#HIGH_QUALITY_MODE}: only the final image: the FULL image, waiting for the asset's
 * deferred job, which it raises to high priority.</li>
 * <li>{@link DeliveryMode#BALANCE_MODE}: the image that exists now, then the FULL image when it arrives; once if
 * the asset is already final.</li>
 * </ul>
 * Requests that wait are counted per asset: the first raises the deferred job, later ones do not raise it again,
 * and cancelling the last one lowers the job back to normal priority. When the job cannot succeed, the asset's
 * FAST image becomes final ({@link PhotoAsset#finalReason()}): waiting requests receive it with quality FAST, and
 * so do later HIGH_QUALITY and BALANCE requests, at once. When the application saves its own image into the asset
 * ({@link MediaAssetChangeRequest#addResource(ResourceType, byte[])}), waiting requests receive that one as FULL.
 * An asset deleted while a request waits ends that request with {@link MediaLibraryErrorCode#CANCELLED}.
 */
@ProviderType
public interface MediaAssetManager {

	/**
	 * Requests the encoded image file of an asset.
	 *
	 * @return the request id, for {@link #cancelRequest}
	 * @throws MediaLibraryException NOT_FOUND for an unknown or deleted asset, INVALID_ARGUMENT for a null
	 *                               argument
	 */
	String requestImageData(PhotoAsset asset, RequestOptions options, MediaAssetDataHandler<byte[]> handler);

	/**
	 * Requests the decoded image of an asset.
	 *
	 * @return the request id, for {@link #cancelRequest}
	 * @throws MediaLibraryException as {@link #requestImageData}
	 */
	String requestImage(PhotoAsset asset, RequestOptions options, MediaAssetDataHandler<BufferedImage> handler);

	/**
	 * Cancels a waiting request: its handler gets {@link MediaAssetDataHandler#onError} with CANCELLED unless
	 * it has already completed.
	 *
	 * @param requestId an id from a request; an unknown, finished, cancelled or null id changes nothing
	 * @return true if the request was still waiting
	 */
	boolean cancelRequest(String requestId);
}
