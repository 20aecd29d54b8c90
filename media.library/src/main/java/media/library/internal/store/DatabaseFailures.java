package media.library.internal.store;

import java.sql.SQLException;

import media.library.MediaLibraryErrorCode;
import media.library.MediaLibraryException;

/** Turns SQLite failures into library errors with one readable line. */
final class DatabaseFailures {
	private static final int SQLITE_BUSY = 5;
	private static final int SQLITE_LOCKED = 6;
	private static final int SQLITE_FULL = 13;
	private static final int SQLITE_CONSTRAINT = 19;

	private DatabaseFailures() {
	}

	static MediaLibraryException of(String doing, SQLException failure) {
		int primary = failure.getErrorCode() & 0xff;
		if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
			return new MediaLibraryException(MediaLibraryErrorCode.BUSY,
					doing + " failed: the library database stayed locked", failure);
		}
		if (primary == SQLITE_FULL) {
			return new MediaLibraryException(MediaLibraryErrorCode.STORAGE_FULL,
					doing + " failed: the disk holding the library database is full", failure);
		}
		if (primary == SQLITE_CONSTRAINT) {
			return new MediaLibraryException(MediaLibraryErrorCode.OPERATION_NOT_SUPPORTED,
					doing + " failed: it conflicts with another asset (" + failure.getMessage() + ")", failure);
		}
		return new MediaLibraryException(MediaLibraryErrorCode.IO_ERROR,
				doing + " failed: " + failure.getMessage(), failure);
	}
}
