package media.library.internal.files;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;

/** Turns file system failures into library errors with one readable line. */
public final class StorageFailures {
	private StorageFailures() {
	}

	/** @return STORAGE_FULL for a full disk, NOT_FOUND for a missing file, IO_ERROR for the rest */
	public static MediaLibraryException of(String doing, IOException failure) {
		String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
		if (isDiskFull(failure)) {
			return new MediaLibraryException(MediaLibraryErrorCode.STORAGE_FULL,
					doing + " failed: the disk is full", failure);
		}
		if (failure instanceof NoSuchFileException) {
			return new MediaLibraryException(MediaLibraryErrorCode.NOT_FOUND,
					doing + " failed: no file " + detail, failure);
		}
		return new MediaLibraryException(MediaLibraryErrorCode.IO_ERROR, doing + " failed: " + detail, failure);
	}

	private static boolean isDiskFull(IOException failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String message = t.getMessage();
			if (message != null) {
				String lower = message.toLowerCase(Locale.ROOT);
				if (lower.contains("no space left") || lower.contains("disk quota exceeded")
						|| lower.contains("not enough space")) {
					return true;
				}
			}
		}
		return false;
	}
}
