package camera.shell.internal.media;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import camera.shell.internal.console.Table;
import camera.shell.internal.console.Table.Column;
import media.library.PhotoAsset;
import media.library.RawImage;

/** How assets read in the shell: a listing row each, or every field of one. */
final class AssetTable {
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private AssetTable() {
	}

	/** @return the listing of the assets, the URI in the first column */
	static Table of(List<PhotoAsset> assets) {
		Table table = Table.of(Column.left("URI"), Column.left("QUALITY"), Column.right("SIZE"),
				Column.right("BYTES"), Column.left("TAKEN"), Column.left("JOB"));
		assets.forEach(a -> table.row(a.uri(), a.quality(), a.width() + "x" + a.height(), a.size(),
				when(a.dateTaken()), Objects.toString(a.deferredJobId(), "-")));
		return table;
	}

	/** Prints every field of the asset, one per line, and its raw image when it keeps one. */
	static void describe(PhotoAsset asset, Optional<RawImage> raw, PrintStream out) {
		Table table = Table.of(Column.left("FIELD"), Column.left("VALUE"));
		table.row("uri", asset.uri())
			.row("id", asset.id())
			.row("name", asset.displayName())
			.row("type", asset.photoType())
			.row("mime type", asset.mimeType())
			.row("size", asset.width() + "x" + asset.height())
			.row("bytes", asset.size())
			.row("quality", asset.quality())
			.row("deferred job", Objects.toString(asset.deferredJobId(), "none"))
			.row("final FAST", asset.finalised().map(reason -> "yes: " + reason).orElse("no"))
			.row("added", when(asset.dateAdded()))
			.row("modified", when(asset.dateModified()))
			.row("taken", when(asset.dateTaken()))
			.row("pending", asset.pending())
			.row("trashed", asset.trashed())
			.row("raw", raw.map(dng -> dng.displayName() + " (" + dng.mimeType() + ", " + dng.size() + " bytes)")
				.orElse("none"));
		table.print(out, "");
	}

	private static String when(Instant instant) {
		return instant == null ? "-" : WHEN.format(instant);
	}
}
