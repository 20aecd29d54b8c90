package media.library.internal.requests;

import media.library.MediaLibraryException;

/** Reads the current image of an asset, consistently with its quality. */
@FunctionalInterface
public interface ImageSource {

	/** @throws MediaLibraryException NOT_FOUND when the asset or its image is gone, IO_ERROR when unreadable */
	CurrentImage read(long assetId);
}
