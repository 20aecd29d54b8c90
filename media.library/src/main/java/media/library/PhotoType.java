package media.library;

/** The kind of media an asset holds. */
public enum PhotoType {
	IMAGE
}
