package camera.itest.shell;

import static org.assertj.core.api.Assertions.assertThat;

import camera.api.CameraManager;
import camera.api.DeferredProcessing;
import media.library.PhotoAccessHelper;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/** The deferred scope against the real engine. */
@ExtendWith(ServiceExtension.class)
class DeferredShellTest {

	@InjectService(timeout = 10_000)
	CommandProcessor processor;
	@InjectService(timeout = 10_000)
	CameraManager cameras;
	@InjectService(timeout = 10_000)
	DeferredProcessing processing;
	@InjectService(timeout = 10_000)
	PhotoAccessHelper library;

	GogoShell shell;

	@BeforeEach
	void openShell() {
		shell = new GogoShell(processor);
	}

	@AfterEach
	void leaveProcessingRunning() {
		processing.resume();
	}

	@Test
	void jobsOfPausedProcessingAreListedAndDrainCompletesThem() {
		assertThat(shell.run("deferred:pause").out()).startsWith("deferred processing paused");
		String uri = CameraShellTest.uriOf(
				shell.run("camera:capture " + CameraShellTest.smallest(cameras)).lines().getFirst());
		String jobId = library.getAsset(uri).orElseThrow().deferredJobId();

		GogoShell.Result jobs = shell.run("deferred:jobs --no-format");
		assertThat(jobs.lines()).anySatisfy(line -> assertThat(line).startsWith(jobId + "\tPENDING\t"));
		shell.run("deferred:resume");

		GogoShell.Result drained = shell.run("deferred:drain -t 120");
		assertThat(drained.err()).as(drained.toString()).isEmpty();
		assertThat(drained.out()).as("no progress lines outside a terminal").doesNotContain("\r");
		assertThat(drained.lines()).singleElement().asString().startsWith("drained in ");
		assertThat(shell.run("deferred:jobs --no-format").out()).doesNotContain(jobId);
		assertThat(library.getAsset(uri)).hasValueSatisfying(
				asset -> assertThat(asset.quality()).isEqualTo(media.library.MediaQuality.FULL));
	}

	@Test
	void jobsShowsAHeaderOrSaysThereAreNone() {
		GogoShell.Result result = shell.run("deferred:jobs");
		assertThat(result.err()).isEmpty();
		assertThat(result.lines().getFirst()).satisfiesAnyOf(
				line -> assertThat(line).isEqualTo("no deferred jobs"),
				line -> assertThat(line).startsWith("JOB").contains("STATE", "PRIORITY", "ASSET"));
	}

	@Test
	void statsShowsTheQueueTheCodecAndTheConditions() {
		GogoShell.Result result = shell.run("deferred:stats");
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).contains("queued normal", "running", "completed", "jpeg codec", "condition ");
	}

	@Test
	void resumeUndoesPause() {
		shell.run("deferred:pause");
		assertThat(processing.stats().paused()).isTrue();
		assertThat(shell.run("deferred:resume").out()).isEqualTo("deferred processing resumed\n");
		assertThat(processing.stats().paused()).isFalse();
	}
}
