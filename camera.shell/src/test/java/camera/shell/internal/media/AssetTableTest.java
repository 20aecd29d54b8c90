package camera.shell.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import media.library.MediaQuality;
import media.library.PhotoAsset;
import media.library.PhotoType;
import media.library.RawImage;

class AssetTableTest {
	private static String described(String finalReason) {
		return described(finalReason, Optional.empty());
	}

	private static String described(String finalReason, Optional<RawImage> raw) {
		PhotoAsset asset = new PhotoAsset(7, "file://media/Photo/7/IMG_7.jpg", "IMG_7.jpg", PhotoType.IMAGE,
				"image/jpeg", 32, 24, 100, Instant.EPOCH, Instant.EPOCH, null, MediaQuality.FAST, null, false, false,
				finalReason);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		AssetTable.describe(asset, raw, new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void infoSaysWhyAFastImageIsTheFinalPhoto() {
		assertThat(described("SPOOL_MISSING: the raw frames are gone")).containsPattern(
				"final FAST\\s+\\|\\s+yes: SPOOL_MISSING: the raw frames are gone");
	}

	@Test
	void infoListsTheRawImageAPhotoKeeps() {
		assertThat(described(null, Optional.of(new RawImage("IMG_7.dng", RawImage.DNG, 4096)))).containsPattern(
				"raw\\s+\\|\\s+IMG_7.dng \\(image/x-adobe-dng, 4096 bytes\\)");
	}

	@Test
	void infoSaysNoneForAPhotoWithoutRawImage() {
		assertThat(described(null)).containsPattern("raw\\s+\\|\\s+none");
	}

	@Test
	void infoSaysNoForAPhotoThatWasNotFinalisedFromFast() {
		assertThat(described(null)).containsPattern("final FAST\\s+\\|\\s+no");
	}
}
