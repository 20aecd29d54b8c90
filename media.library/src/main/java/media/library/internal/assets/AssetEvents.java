package media.library.internal.assets;

import java.util.Map;

import media.library.MediaLibraryEvents;
import media.library.internal.store.AssetRow;

/** Announces changes of assets; {@link MediaLibraryEvents} lists the topics. */
@FunctionalInterface
public interface AssetEvents {

	/** Posts an event, asynchronously; never throws for want of a listener. */
	void post(String topic, Map<String, Object> properties);

	/** Posts an event about an asset, carrying its URI, id and quality. */
	default void post(String topic, AssetRow asset) {
		post(topic, Map.of(MediaLibraryEvents.ASSET_URI, asset.uri(), MediaLibraryEvents.ASSET_ID, asset.id(),
				MediaLibraryEvents.QUALITY, asset.quality().name()));
	}
}
