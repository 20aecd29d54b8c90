package camera.web.internal.api;

import java.time.Instant;
import java.util.List;

import camera.web.internal.events.JobHistory;
import camera.web.internal.exif.ExifSummary;
import camera.web.internal.links.AssetLinks;
import media.library.PhotoAsset;

/**
 * An asset as the API shows it, with the addresses of its details, image and thumbnail.
 *
 * @param id           the asset's number in the library
 * @param uri          its media library URI
 * @param name         its display name
 * @param href         its address in the API: {@code /api/assets/<id>}
 * @param image        the address of its image
 * @param thumbnail    the address of its thumbnail
 * @param mimeType     the image's media type
 * @param width        width in pixels
 * @param height       height in pixels
 * @param size         file size in bytes
 * @param quality      FAST or FULL
 * @param jobId        the pending deferred job, absent when none is pending
 * @param pending      whether the app has not saved it yet
 * @param trashed      whether it is in the trash
 * @param dateAdded    when it was created
 * @param dateModified when its image or state last changed
 * @param dateTaken    when it was captured, if known
 * @param version      a tag that changes whenever the image does (FAST to FULL)
 * @param exif         the EXIF summary of its current image: in an asset's details only, when it has EXIF
 * @param jobTimeline  the states its deferred job went through and when: in an asset's details only
 */
public record AssetView(long id, String uri, String name, String href, String image, String thumbnail,
		String mimeType, int width, int height, long size, String quality, String jobId, boolean pending,
		boolean trashed, Instant dateAdded, Instant dateModified, Instant dateTaken, String version,
		ExifSummary exif, List<JobHistory.Step> jobTimeline) {

	/** @return the view of an asset */
	public static AssetView of(PhotoAsset asset) {
		String href = href(asset);
		return new AssetView(asset.id(), asset.uri(), asset.displayName(), href, href + "/image",
				href + "/thumbnail", asset.mimeType(), asset.width(), asset.height(), asset.size(),
				asset.quality().name(), asset.deferredJobId(), asset.pending(), asset.trashed(), asset.dateAdded(),
				asset.dateModified(), asset.dateTaken(), version(asset), null, null);
	}

	/** @return this view with the EXIF summary of the asset's image and the timeline of its job */
	public AssetView withDetails(ExifSummary summary, List<JobHistory.Step> timeline) {
		return new AssetView(id, uri, name, href, image, thumbnail, mimeType, width, height, size, quality, jobId,
				pending, trashed, dateAdded, dateModified, dateTaken, version, summary, timeline);
	}

	/** @return the API address of an asset */
	public static String href(PhotoAsset asset) {
		return AssetLinks.href(asset.id());
	}

	/** @return a tag that differs between the FAST and the FULL image of an asset, and after any rewrite */
	public static String version(PhotoAsset asset) {
		long modified = asset.dateModified() == null ? 0 : asset.dateModified().toEpochMilli();
		return asset.id() + "-" + asset.quality().name().toLowerCase(java.util.Locale.ROOT) + "-" + asset.size() + "-"
				+ modified;
	}
}
