package camera.deferred.internal.framework;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.DeferredPhotoProxy;
import camera.api.Thumbnail;
import media.library.MediaQuality;

/**
 * The proxy of a deferred photo: its job id, the first-phase JPEG and a thumbnail, until released; or, for a photo
 * that could not be deferred, its final JPEG at {@link MediaQuality#FULL}.
 */
final class CapturedPhotoProxy implements DeferredPhotoProxy {
	private final String photoId;
	private final MediaQuality quality;
	private final int width;
	private final int height;
	private volatile byte[] imageData;
	private volatile Thumbnail thumbnail;

	CapturedPhotoProxy(String photoId, MediaQuality quality, byte[] imageData, int width, int height,
			Thumbnail thumbnail) {
		this.photoId = photoId;
		this.quality = quality;
		this.imageData = imageData;
		this.width = width;
		this.height = height;
		this.thumbnail = thumbnail;
	}

	@Override
	public String photoId() {
		return photoId;
	}

	@Override
	public MediaQuality quality() {
		return quality;
	}

	@Override
	public byte[] imageData() {
		byte[] data = imageData;
		if (data == null) {
			throw released();
		}
		return data.clone();
	}

	@Override
	public int width() {
		return width;
	}

	@Override
	public int height() {
		return height;
	}

	@Override
	public Thumbnail getThumbnail() {
		Thumbnail current = thumbnail;
		if (current == null) {
			throw released();
		}
		return current;
	}

	@Override
	public void release() {
		imageData = null;
		thumbnail = null;
	}

	private CameraException released() {
		return new CameraException(CameraErrorCode.OPERATION_NOT_ALLOWED, "photo proxy " + photoId + " was released");
	}
}
