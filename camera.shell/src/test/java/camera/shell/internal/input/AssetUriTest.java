package camera.shell.internal.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import camera.shell.internal.console.CommandFailure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetUriTest {

	@Test
	void parsesTheUriOfTheSourceDocuments() {
		AssetUri uri = AssetUri.parse("file://media/Photo/12/IMG_20261121_101500_001.jpg");
		assertThat(uri.id()).isEqualTo(12);
		assertThat(uri.displayName()).isEqualTo("IMG_20261121_101500_001.jpg");
		assertThat(uri).hasToString("file://media/Photo/12/IMG_20261121_101500_001.jpg");
	}

	@ParameterizedTest
	@ValueSource(strings = { "file://media/Photo/0/a.jpg", "file://media/Photo/012/a.jpg",
			"file://media/Photo/-1/a.jpg", "file://media/Photo/1/../../etc/passwd", "file://media/Photo/1/..",
			"file://media/Photo/1/a/b.jpg", "file://media/Photo/1/a\\b.jpg", "file://media/Photo/1/.hidden.jpg",
			"file://media/Photo/1/noextension", "file://media/Photo/1/", "file://media/Photo/x/a.jpg",
			"file:///etc/passwd", "http://media/Photo/1/a.jpg", "media/Photo/1/a.jpg", "file://media/Photo/1/a\u0007.jpg",
			"file://media/Photo/1234567890123456789/a.jpg" })
	void refusesEveryOtherShape(String text) {
		assertThatThrownBy(() -> AssetUri.parse(text)).isInstanceOf(CommandFailure.class)
			.hasMessageStartingWith("not an asset URI: ")
			.hasMessageNotContaining("\u0007");
	}

	@Test
	void refusesANameLongerThanAFileSystemAllows() {
		assertThatThrownBy(() -> AssetUri.parse("file://media/Photo/1/" + "a".repeat(252) + ".jpg"))
			.isInstanceOf(CommandFailure.class)
			.hasMessageContaining("255 bytes");
	}

	@Test
	void saysWhatIsMissingForAnEmptyUri() {
		assertThatThrownBy(() -> AssetUri.parse(" ")).hasMessageStartingWith("missing asset URI");
	}
}
