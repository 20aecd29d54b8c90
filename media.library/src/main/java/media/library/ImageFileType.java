package media.library;

/** The file type a camera photo is saved as. */
public enum ImageFileType {
	JPEG("jpg", "image/jpeg");

	private final String extension;
	private final String mimeType;

	ImageFileType(String extension, String mimeType) {
		this.extension = extension;
		this.mimeType = mimeType;
	}

	/** @return the file name extension, without the dot */
	public String extension() {
		return extension;
	}

	/** @return the MIME type of files of this type */
	public String mimeType() {
		return mimeType;
	}
}
