package camera.web.internal.api;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import camera.web.internal.exif.ExifSummary;
import media.library.AssetQuery;
import media.library.DeliveryMode;
import media.library.MediaAssetDataHandler;
import media.library.MediaLibraryException;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;
import media.library.RequestOptions;

/**
 * {@code /api/assets}: the library paged newest first, one asset's details, its image and thumbnail, and the
 * actions on it. Lists come from the library's paged query, one page at a time.
 */
final class AssetResources {
	static final int DEFAULT_LIMIT = 50;
	static final int MAX_LIMIT = 500;

	private final PlatformServices services;
	private final Duration imageTimeout;

	AssetResources(PlatformServices services, Duration imageTimeout) {
		this.services = services;
		this.imageTimeout = imageTimeout;
	}

	/** A page of assets. */
	record Page(int offset, int limit, Integer next, List<AssetView> assets) {
	}

	/** A HIGH_QUALITY request that was started. */
	record Requested(String requestId, AssetView asset) {
	}

	ApiReply list(ApiRequest request) {
		MediaQuality quality = request.parameter("quality").map(AssetResources::quality).orElse(null);
		boolean trashed = request.parameter("trashed").map(t -> flag("trashed", t)).orElse(false);
		int offset = request.parameter("offset").map(o -> number("offset", o, 0, Integer.MAX_VALUE - MAX_LIMIT - 1))
			.orElse(0);
		int limit = request.parameter("limit").map(l -> number("limit", l, 1, MAX_LIMIT)).orElse(DEFAULT_LIMIT);
		PhotoAccessHelper library = services.library();
		// one more than asked tells whether another page follows, without counting the library
		List<PhotoAsset> found = library.getAssets(new AssetQuery(quality, trashed, true, offset, limit + 1));
		List<AssetView> views = found.stream().limit(limit).map(AssetView::of).toList();
		Integer next = found.size() > limit ? offset + limit : null;
		return ApiReply.json(new Page(offset, limit, next, views));
	}

	ApiReply details(AssetAddress address) {
		PhotoAsset asset = address.find(services.library());
		return ApiReply.json(AssetView.of(asset)
			.withDetails(ExifSummary.read(currentImage(asset).data()).orElse(null), services.jobTimeline(asset.uri())));
	}

	ApiReply image(AssetAddress address, ApiRequest request) {
		PhotoAsset asset = address.find(services.library());
		Delivered delivered = currentImage(asset);
		PhotoAsset now = services.library().getAssetById(asset.id()).orElse(asset);
		String etag = "\"" + asset.id() + "-" + delivered.quality().name().toLowerCase(java.util.Locale.ROOT) + "-"
				+ delivered.data().length + "\"";
		return cached(request, etag, now, () -> ApiReply.bytes(asset.mimeType(), delivered.data())
			.withHeader("X-Asset-Quality", delivered.quality().name()));
	}

	ApiReply thumbnail(AssetAddress address, ApiRequest request) {
		PhotoAsset asset = address.find(services.library());
		String etag = "\"t" + AssetView.version(asset) + "\"";
		return cached(request, etag, asset, () -> ApiReply.bytes("image/jpeg", services.library().getThumbnail(asset))
			.withHeader("X-Asset-Quality", asset.quality().name()));
	}

	ApiReply requestHighQuality(AssetAddress address) {
		PhotoAsset asset = address.find(services.library());
		String requestId = services.images().requestImageData(asset,
				new RequestOptions(DeliveryMode.HIGH_QUALITY_MODE), new MediaAssetDataHandler<>() {
					@Override
					public void onDataPrepared(byte[] data, MediaQuality quality) {
						// the FULL image lands in the library; clients see it through the events and the image
					}
				});
		return ApiReply.json(202, new Requested(requestId, AssetView.of(asset)));
	}

	ApiReply trash(AssetAddress address) {
		PhotoAsset asset = address.find(services.library());
		services.library().trash(List.of(asset));
		return ApiReply.json(AssetView.of(reread(asset)));
	}

	ApiReply restore(AssetAddress address) {
		PhotoAsset asset = address.find(services.library());
		services.library().restore(List.of(asset));
		return ApiReply.json(AssetView.of(reread(asset)));
	}

	ApiReply delete(AssetAddress address) {
		PhotoAsset asset = address.find(services.library());
		services.library().deletePermanently(List.of(asset));
		return ApiReply.noContent();
	}

	private PhotoAsset reread(PhotoAsset asset) {
		return services.library().getAssetById(asset.id()).orElse(asset);
	}

	private record Delivered(byte[] data, MediaQuality quality) {
	}

	private Delivered currentImage(PhotoAsset asset) {
		CompletableFuture<Delivered> image = new CompletableFuture<>();
		services.images().requestImageData(asset, new RequestOptions(DeliveryMode.FAST_MODE),
				new MediaAssetDataHandler<>() {
					@Override
					public void onDataPrepared(byte[] data, MediaQuality quality) {
						image.complete(new Delivered(data, quality));
					}

					@Override
					public void onError(MediaLibraryException error) {
						image.completeExceptionally(error);
					}
				});
		try {
			return image.get(imageTimeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ApiError(WebErrorCode.SERVICE_UNAVAILABLE, "the server is stopping");
		} catch (TimeoutException e) {
			throw new ApiError(WebErrorCode.SERVICE_UNAVAILABLE,
					"the library gave no image of asset " + asset.id() + " within " + imageTimeout.toSeconds() + " s");
		} catch (ExecutionException e) {
			if (e.getCause() instanceof MediaLibraryException library) {
				throw DomainErrors.of(library);
			}
			throw new IllegalStateException("the image of asset " + asset.id() + " could not be read", e.getCause());
		}
	}

	private static ApiReply cached(ApiRequest request, String etag, PhotoAsset asset,
			java.util.function.Supplier<ApiReply> body) {
		String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(asset.dateModified().atOffset(ZoneOffset.UTC).withNano(0));
		ApiReply reply = request.header("if-none-match").filter(etag::equals).isPresent() ? ApiReply.notModified()
				: body.get();
		return reply.withHeader("ETag", etag)
			.withHeader("Last-Modified", lastModified)
			.withHeader("Cache-Control", "no-cache");
	}

	private static MediaQuality quality(String text) {
		return switch (text) {
			case "fast" -> MediaQuality.FAST;
			case "full" -> MediaQuality.FULL;
			default -> throw new ApiError(WebErrorCode.INVALID_REQUEST,
					"quality must be 'fast' or 'full', not '" + AssetAddress.printable(text) + "'");
		};
	}

	private static boolean flag(String name, String text) {
		return switch (text) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new ApiError(WebErrorCode.INVALID_REQUEST,
					name + " must be 'true' or 'false', not '" + AssetAddress.printable(text) + "'");
		};
	}

	static int number(String name, String text, int min, int max) {
		try {
			int value = Integer.parseInt(text);
			if (value >= min && value <= max) {
				return value;
			}
		} catch (NumberFormatException e) {
			// answered below, as for a number out of range
		}
		throw new ApiError(WebErrorCode.INVALID_REQUEST,
				name + " must be a whole number from " + min + " to " + max + ", not '" + AssetAddress.printable(text)
						+ "'");
	}
}
