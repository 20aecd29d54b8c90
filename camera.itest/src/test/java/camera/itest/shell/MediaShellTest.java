package camera.itest.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import camera.api.CameraManager;
import media.library.PhotoAccessHelper;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/** The media scope against the real library, with photos taken through camera:capture. */
@ExtendWith(ServiceExtension.class)
class MediaShellTest {

	@InjectService(timeout = 10_000)
	CommandProcessor processor;
	@InjectService(timeout = 10_000)
	CameraManager cameras;
	@InjectService(timeout = 10_000)
	PhotoAccessHelper library;

	GogoShell shell;
	String uri;

	@BeforeEach
	void takeAPhoto() {
		shell = new GogoShell(processor);
		GogoShell.Result captured = shell.run("camera:capture -m single " + CameraShellTest.smallest(cameras));
		assertThat(captured.err()).as(captured.toString()).isEmpty();
		uri = CameraShellTest.uriOf(captured.lines().getFirst());
	}

	@Test
	void listShowsTheAssetUnderAHeader() {
		GogoShell.Result result = shell.run("media:list");
		assertThat(result.lines().getFirst()).startsWith("URI").contains("QUALITY", "SIZE", "BYTES");
		assertThat(result.out()).contains(uri);
	}

	@Test
	void listWithoutFormatPutsTheUriInAColumnOfItsOwn() {
		GogoShell.Result result = shell.run("media:list --quality full --no-format");
		assertThat(result.lines()).anySatisfy(line -> assertThat(line.split("\t")[0]).isEqualTo(uri));
		assertThat(result.lines()).allSatisfy(line -> assertThat(line.split("\t")[1]).isEqualTo("FULL"));
	}

	@Test
	void infoShowsEveryField() {
		GogoShell.Result result = shell.run("media:info " + uri);
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).contains(uri, "quality", "FULL", "trashed", "false");
	}

	@Test
	void trashRestoreAndDeleteMoveTheAssetAlong() {
		assertThat(shell.run("media:trash " + uri).out()).isEqualTo("trashed " + uri + "\n");
		assertThat(library.getAsset(uri)).hasValueSatisfying(a -> assertThat(a.trashed()).isTrue());
		assertThat(shell.run("media:list --trashed --no-format").out()).contains(uri);
		assertThat(shell.run("media:list --no-format").out()).doesNotContain(uri);
		assertThat(shell.run("media:restore " + uri).out()).isEqualTo("restored " + uri + "\n");
		assertThat(library.getAsset(uri)).hasValueSatisfying(a -> assertThat(a.trashed()).isFalse());
		assertThat(shell.run("media:delete " + uri).out()).isEqualTo("deleted " + uri + "\n");
		assertThat(library.getAsset(uri)).isEmpty();
		assertThat(shell.run("media:info " + uri).err()).isEqualTo("no asset " + uri + " in the media library\n");
	}

	@Test
	void exportWritesTheCurrentImage(@TempDir Path directory) {
		Path file = directory.resolve("export.jpg");
		GogoShell.Result result = shell.run("media:export " + uri + " " + file);
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).startsWith("exported " + uri + " (FULL, ");
		assertThat(file).isNotEmptyFile();
	}
}
