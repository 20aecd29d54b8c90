package camera.deferred.internal.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import camera.api.DeferredJob;
import camera.api.DeferredProcessing;
import camera.api.DeferredStats;
import camera.deferred.internal.development.JpegQualityConfiguration;
import camera.deferred.internal.events.JobEventPublisher;
import camera.deferred.internal.schedule.Condition;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import media.library.DataDirectory;
import media.library.processing.CameraPhotoStore;
import media.library.processing.DeferredProcessingSession;

/**
 * The deferred engine as a service: the capture path hands it bursts, the library drives its priorities and
 * shares its truth at start-up, and the shell watches and steers it. The work is done by {@link JobEngine}.
 */
@Component(name = DeferredEngineComponent.PID, configurationPid = DeferredEngineComponent.PID,
		configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
		service = { DeferredEngine.class, DeferredProcessingSession.class, DeferredProcessing.class })
@Designate(ocd = DeferredEngineComponent.Config.class)
public class DeferredEngineComponent implements DeferredEngine, DeferredProcessingSession, DeferredProcessing {
	public static final String PID = "camera.deferred.engine";

	@ObjectClassDefinition(name = "Deferred processing: engine",
			description = "The spool, the job queue and the workers that develop full-quality photos.")
	public @interface Config {
		@AttributeDefinition(min = "0", description = "Jobs developed at once; 0 means the number of cores less one, at least one.")
		int workers() default 0;

		@AttributeDefinition(min = "0", description = "Most megabytes of raw frames the spool holds; past it captures are developed inline.")
		long spoolBudgetMegabytes() default 2048;

		@AttributeDefinition(min = "1", description = "Longest one development may take, in seconds, before the attempt fails.")
		long jobTimeoutSeconds() default 300;

		@AttributeDefinition(min = "1", description = "Attempts before a job ends in ERROR and its asset keeps the fast image.")
		int maxAttempts() default 3;

		@AttributeDefinition(min = "1", description = "Attempts the process may die during (killed, crashed) before a job ends in ERROR; guards against a burst that brings the process down.")
		int maxInterruptedAttempts() default 10;

		@AttributeDefinition(min = "0", description = "Milliseconds to wait before a failed job runs again.")
		long retryDelayMillis() default 2000;

		@AttributeDefinition(min = "0", description = "Minutes after which a NORMAL job runs despite machine pressure (never during a capture).")
		long overdueMinutes() default 60;

		@AttributeDefinition(min = "0", description = "Minutes after which spooled frames that no asset claims are deleted; covers proxies not saved yet.")
		long orphanGraceMinutes() default 60;

		@AttributeDefinition(min = "10", description = "Milliseconds between two looks at the conditions while jobs wait for them.")
		long recheckMillis() default 1000;

		@AttributeDefinition(min = "0", description = "Milliseconds of the first wait for an asset the camera has not created yet; it doubles up to a minute.")
		long assetWaitMillis() default 200;

		@AttributeDefinition(min = "0", description = "Megabytes of the data directory's file system that raw frames never take, so that the library's photos always have room; a burst that would take them is developed inline.")
		long spoolLeavesFreeMegabytes() default 64;
	}

	private final List<Condition> conditions = new CopyOnWriteArrayList<>();
	private volatile CameraPhotoStore library;
	private volatile PhotoDeveloper developer;
	private volatile JpegCodec codec;
	private volatile EventAdmin eventAdmin;
	private final Spool spool;
	private final JobEngine engine;
	private final LibrarySession session;
	private final Logger log;
	private final DataDirectory.Hold hold;

	@Activate
	public DeferredEngineComponent(BundleContext context, Config config,
			@Reference JpegQualityConfiguration qualities, @Reference(service = LoggerFactory.class) Logger log) {
		this.log = log;
		this.hold = DataDirectory.hold(DataDirectory.of(context));
		try {
			Path deferred = DataDirectory.of(context).resolve("deferred");
			spool = new Spool(deferred.resolve("spool"));
			try {
				log.info("The spool in {} writes frames with {}", deferred.resolve("spool"), spool.io());
			} catch (IOException e) {
				log.warn("The spool directory {} cannot be created: {}", deferred.resolve("spool"), e.toString());
			}
			engine = new JobEngine(initialSettings(config, log), spool,
					new PhaseTwo(deferred.resolve("out")),
					new JobEngine.Services(() -> library, () -> developer, () -> codec, qualities::current,
							() -> conditions, new JobEventPublisher(() -> eventAdmin)),
					log, Clock.systemUTC());
			session = new LibrarySession(engine, log);
			engine.start();
		} catch (RuntimeException e) {
			hold.close();
			throw e;
		}
	}

	@Modified
	void modified(Config config) {
		EngineSettings next;
		try {
			next = settings(config);
		} catch (IllegalArgumentException e) {
			log.error("Deferred engine configuration refused, keeping the previous one: {}", e.getMessage());
			return;
		}
		engine.update(next);
	}

	@Deactivate
	void deactivate() {
		try {
			engine.stop();
			spool.close();
		} finally {
			hold.close();
		}
	}

	private static EngineSettings initialSettings(Config config, Logger log) {
		try {
			return settings(config);
		} catch (IllegalArgumentException e) {
			log.error("Deferred engine configuration refused, starting with the defaults: {}", e.getMessage());
			return settings(ConfigurationDefaults.of(Config.class));
		}
	}

	/** @throws IllegalArgumentException naming every attribute whose value is out of range */
	static EngineSettings settings(Config config) {
		List<String> problems = new ArrayList<>();
		atLeast(problems, "workers", config.workers(), 0);
		atLeast(problems, "spoolBudgetMegabytes", config.spoolBudgetMegabytes(), 0);
		atLeast(problems, "jobTimeoutSeconds", config.jobTimeoutSeconds(), 1);
		atLeast(problems, "maxAttempts", config.maxAttempts(), 1);
		atLeast(problems, "maxInterruptedAttempts", config.maxInterruptedAttempts(), 1);
		atLeast(problems, "retryDelayMillis", config.retryDelayMillis(), 0);
		atLeast(problems, "overdueMinutes", config.overdueMinutes(), 0);
		atLeast(problems, "orphanGraceMinutes", config.orphanGraceMinutes(), 0);
		atLeast(problems, "recheckMillis", config.recheckMillis(), 10);
		atLeast(problems, "assetWaitMillis", config.assetWaitMillis(), 0);
		atLeast(problems, "spoolLeavesFreeMegabytes", config.spoolLeavesFreeMegabytes(), 0);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		return new EngineSettings(EngineSettings.workersFor(config.workers()),
				Math.multiplyExact(config.spoolBudgetMegabytes(), 1024L * 1024),
				Duration.ofSeconds(config.jobTimeoutSeconds()), config.maxAttempts(), config.maxInterruptedAttempts(),
				Duration.ofMillis(config.retryDelayMillis()), Duration.ofMinutes(config.overdueMinutes()),
				Duration.ofMinutes(config.orphanGraceMinutes()), Duration.ofMillis(config.recheckMillis()),
				Duration.ofMillis(config.assetWaitMillis()),
				Math.multiplyExact(config.spoolLeavesFreeMegabytes(), 1024L * 1024));
	}

	private static void atLeast(List<String> problems, String attribute, long value, long least) {
		if (value < least) {
			problems.add(attribute + " is " + value + ", below its least value " + least);
		}
	}

	// ---------------------------------------------------------------- what it tracks

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	void bindCondition(Condition condition) {
		conditions.add(condition);
		wakeIfActive();
	}

	void unbindCondition(Condition condition) {
		conditions.remove(condition);
		wakeIfActive();
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	void bindLibrary(CameraPhotoStore store) {
		library = store;
		wakeIfActive();
	}

	void unbindLibrary(CameraPhotoStore store) {
		if (library == store) {
			library = null;
		}
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	void bindDeveloper(PhotoDeveloper photoDeveloper) {
		developer = photoDeveloper;
		wakeIfActive();
	}

	void unbindDeveloper(PhotoDeveloper photoDeveloper) {
		if (developer == photoDeveloper) {
			developer = null;
		}
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	void bindCodec(JpegCodec jpegCodec) {
		codec = jpegCodec;
		wakeIfActive();
	}

	void unbindCodec(JpegCodec jpegCodec) {
		if (codec == jpegCodec) {
			codec = null;
		}
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	void bindEventAdmin(EventAdmin admin) {
		eventAdmin = admin;
	}

	void unbindEventAdmin(EventAdmin admin) {
		if (eventAdmin == admin) {
			eventAdmin = null;
		}
	}

	/** A service came or went: waiting workers look at the queue again. */
	private void wakeIfActive() {
		engine.wake();
	}

	// ---------------------------------------------------------------- the services, delegated

	@Override
	public BurstSpooling begin() {
		return engine.begin();
	}

	@Override
	public void captureActivity(boolean busy) {
		engine.captureActivity(busy);
	}

	@Override
	public void processImage(String jobId) {
		session.processImage(jobId);
	}

	@Override
	public void cancelProcessImage(String jobId) {
		session.cancelProcessImage(jobId);
	}

	@Override
	public void removeImage(String jobId, boolean restorable) {
		session.removeImage(jobId, restorable);
	}

	@Override
	public void restoreImage(String jobId) {
		session.restoreImage(jobId);
	}

	@Override
	public void beginSynchronize() {
		session.beginSynchronize();
	}

	@Override
	public void addImage(String jobId, String assetUri, boolean trashed) {
		session.addImage(jobId, assetUri, trashed);
	}

	@Override
	public void endSynchronize() {
		session.endSynchronize();
	}

	@Override
	public List<DeferredJob> jobs() {
		return engine.jobs();
	}

	@Override
	public DeferredStats stats() {
		return engine.stats();
	}

	@Override
	public void pause() {
		engine.pause();
	}

	@Override
	public void resume() {
		engine.resume();
	}

	@Override
	public boolean drain(Duration timeout) {
		return engine.drain(timeout);
	}
}
