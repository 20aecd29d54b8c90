package camera.itest.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import camera.api.CameraManager;
import camera.api.DeferredProcessing;
import media.library.AssetUri;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * A spool with no room (issue 22, item 2): every deferred flow still ends in a photo the app keeps, developed at
 * once, and the shell reports it as a photo with a note, never as a failure.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class FullSpoolShellTest {
	private static final String ENGINE_PID = "camera.deferred.engine";
	private static final String BUDGET = "spoolBudgetMegabytes";
	private static final String DEVELOPED_AT_ONCE_LINE = "capture \\d+  " + Pattern.quote(AssetUri.PREFIX)
			+ "[1-9][0-9]*/[^ /]+\\.jpg  FULL  phase 1: \\d+ ms  shutter lag: -?\\d+ ms  \\(developed at once: no room to defer it\\)";
	private static final long WAIT_MILLIS = 20_000;

	@InjectService(timeout = 10_000)
	CommandProcessor processor;
	@InjectService(timeout = 10_000)
	CameraManager cameras;
	@InjectService(timeout = 10_000)
	PhotoAccessHelper library;
	@InjectService(timeout = 10_000)
	DeferredProcessing deferred;
	@InjectService(timeout = 10_000)
	ConfigurationAdmin configurations;
	@InjectBundleContext
	BundleContext context;

	GogoShell shell;
	Object budgetBefore;

	@BeforeEach
	void leaveTheSpoolNoRoom() throws Exception {
		shell = new GogoShell(processor);
		budgetBefore = context.getServiceReference(DeferredProcessing.class).getProperty(BUDGET);
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(BUDGET, 0L);
		configurations.getConfiguration(ENGINE_PID, "?").update(properties);
		awaitEngine(budget -> Long.valueOf(0).equals(budget), "the engine to take a spool budget of 0");
	}

	@AfterEach
	void giveTheSpoolItsRoomBack() throws Exception {
		Configuration configuration = configurations.getConfiguration(ENGINE_PID, "?");
		configuration.delete();
		awaitEngine(budget -> Objects.equals(budget, budgetBefore), "the engine to take its budget back");
	}

	@Test
	void theAssetFlowSavesEachPhotoFullAndNotesIt() {
		long fallbacksBefore = deferred.stats().fallbacks();

		GogoShell.Result result = shell.run("camera:capture -n 2 " + CameraShellTest.smallest(cameras));

		assertThat(result.failure()).as(result.toString()).isNull();
		assertThat(result.err()).as(result.toString()).isEmpty();
		assertThat(result.lines()).hasSize(2).allSatisfy(line -> assertThat(line).matches(DEVELOPED_AT_ONCE_LINE));
		assertThat(result.lines()).allSatisfy(line -> assertSavedFull(CameraShellTest.uriOf(line)));
		assertThat(deferred.stats().fallbacks()).isEqualTo(fallbacksBefore + 2);
	}

	@Test
	void theProxyFlowGetsItsProxyAndSavesItFull() {
		GogoShell.Result result = shell.run("camera:capture -m proxy " + CameraShellTest.smallest(cameras));

		assertThat(result.failure()).as(result.toString()).isNull();
		assertThat(result.err()).as(result.toString()).isEmpty();
		assertThat(result.lines()).singleElement().asString().matches(DEVELOPED_AT_ONCE_LINE);
		assertSavedFull(CameraShellTest.uriOf(result.lines().getFirst()));
	}

	private void assertSavedFull(String uri) {
		assertThat(library.getAsset(uri)).hasValueSatisfying(asset -> {
			assertThat(asset.quality()).isEqualTo(MediaQuality.FULL);
			assertThat(asset.pending()).isFalse();
			assertThat(asset.deferredJobId()).isNull();
		});
	}

	/** Waits until the engine's service shows the budget its configuration gives (DS applies it asynchronously). */
	private void awaitEngine(Predicate<Object> budget, String what) throws Exception {
		BlockingQueue<ServiceEvent> changes = new LinkedBlockingQueue<>();
		ServiceListener listener = changes::add;
		context.addServiceListener(listener, "(objectClass=" + DeferredProcessing.class.getName() + ")");
		try {
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
			while (!shows(budget)) {
				long left = deadline - System.nanoTime();
				if (left <= 0 || changes.poll(left, TimeUnit.NANOSECONDS) == null) {
					throw new AssertionError("waited " + WAIT_MILLIS + " ms for " + what);
				}
			}
		} finally {
			context.removeServiceListener(listener);
		}
	}

	private boolean shows(Predicate<Object> budget) {
		ServiceReference<DeferredProcessing> engine = context.getServiceReference(DeferredProcessing.class);
		return engine != null && budget.test(engine.getProperty(BUDGET));
	}
}
