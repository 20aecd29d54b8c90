package camera.shell.internal.deferred;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import camera.api.CameraException;
import camera.api.DeferredJob;
import camera.api.DeferredProcessing;
import camera.api.DeferredStats;
import camera.shell.internal.console.CommandFailure;
import camera.shell.internal.console.CommandGuard;
import camera.shell.internal.console.Services;
import camera.shell.internal.console.ShellSession;
import camera.shell.internal.console.Table;
import camera.shell.internal.console.Table.Column;
import camera.shell.internal.console.Usage;
import camera.shell.internal.console.UsageOverload;
import camera.shell.internal.input.Arguments;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@code deferred} scope: shows and steers the jobs that develop full-quality photos through
 * {@link DeferredProcessing}. {@code drain} blocks in the engine, so it runs on this component's own thread
 * while the command's thread reports progress.
 */
@Component(service = DeferredCommands.class, immediate = true, property = { "osgi.command.scope=deferred",
		"osgi.command.function=jobs", "osgi.command.function=stats", "osgi.command.function=drain",
		"osgi.command.function=pause", "osgi.command.function=resume" })
public final class DeferredCommands {
	private static final long PROGRESS_INTERVAL_MILLIS = 500;
	private static final Usage JOBS_USAGE = new Usage("deferred:jobs", "deferred:jobs [--no-format]", Set.of(),
			Set.of("--no-format"), 0);
	private static final Usage STATS_USAGE = new Usage("deferred:stats", "deferred:stats [--no-format]", Set.of(),
			Set.of("--no-format"), 0);
	private static final Usage PAUSE_USAGE = new Usage("deferred:pause", "deferred:pause", Set.of(), Set.of(), 0);
	private static final Usage RESUME_USAGE = new Usage("deferred:resume", "deferred:resume", Set.of(), Set.of(), 0);
	private static final Usage DRAIN_USAGE = new Usage("deferred:drain", "deferred:drain [-t seconds]",
			Set.of("-t", "--timeout"), Set.of(), 0);

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile DeferredProcessing deferredProcessing;

	@Reference(service = LoggerFactory.class)
	private Logger log;

	private final ExecutorService drainer;

	@Activate
	public DeferredCommands() {
		drainer = Executors.newCachedThreadPool(Thread.ofPlatform().name("camera.shell-drain-", 0).daemon().factory());
	}

	@Deactivate
	void deactivate() {
		drainer.shutdownNow();
	}

	@Descriptor("lists the deferred jobs not yet completed, highest priority first")
	public void jobs(
			@Descriptor("print tab-separated rows without header, the asset URI in its own column, for scripts")
			@Parameter(names = "--no-format", presentValue = "true", absentValue = "false") String noFormat) {
		guard().run("deferred:jobs", System.err, () -> {
			DeferredProcessing processing = Services.require(deferredProcessing, Services.NO_DEFERRED_PROCESSING);
			Table table = Table.of(Column.left("JOB"), Column.left("STATE"), Column.left("PRIORITY"),
					Column.right("ATTEMPTS"), Column.left("CREATED"), Column.left("ASSET"), Column.left("ERROR"));
			for (DeferredJob job : processing.jobs()) {
				table.row(job.jobId(), job.state(), job.priority(), job.attempts(), job.createdAt(),
						Objects.toString(job.assetUri(), "-"), Objects.toString(job.error(), ""));
			}
			table.print(System.out, Boolean.parseBoolean(noFormat), "no deferred jobs");
		});
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of deferred:jobs")
	public void jobs(@Descriptor("an argument deferred:jobs cannot take") String unexpected,
			@Descriptor("the arguments after it") String... more) {
		JOBS_USAGE.report(Usage.join(unexpected, more));
	}

	@Descriptor("shows the queue, the latencies, the JPEG codec, every scheduling condition and what each "
			+ "development service (this machine's, each node's) completed")
	public void stats(@Descriptor("print tab-separated rows without header, for scripts")
			@Parameter(names = "--no-format", presentValue = "true", absentValue = "false") String noFormat) {
		guard().run("deferred:stats", System.err, () -> {
			DeferredProcessing processing = Services.require(deferredProcessing, Services.NO_DEFERRED_PROCESSING);
			StatsReport.print(processing.stats(), System.out, Boolean.parseBoolean(noFormat));
		});
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of deferred:stats")
	public void stats(@Descriptor("an argument deferred:stats cannot take") String unexpected,
			@Descriptor("the arguments after it") String... more) {
		STATS_USAGE.report(Usage.join(unexpected, more));
	}

	@Descriptor("runs every pending job regardless of machine pressure and waits until none is pending, "
			+ "showing progress on a terminal, then prints a summary")
	public void drain(CommandSession session,
			@Descriptor("how many seconds to wait at most (default 600)")
			@Parameter(names = { "-t", "--timeout" }, absentValue = "600") String seconds) {
		guard().run("deferred:drain", System.err, () -> {
			Duration timeout = Arguments.seconds("-t", seconds);
			DeferredProcessing processing = Services.require(deferredProcessing, Services.NO_DEFERRED_PROCESSING);
			PrintStream out = System.out;
			boolean progress = ShellSession.printsToTerminal(session);
			DeferredStats before = processing.stats();
			long start = System.nanoTime();
			Future<Boolean> drained = drainer.submit(() -> processing.drain(timeout));
			boolean done = await(drained, processing, progress ? out : null);
			DeferredStats after = processing.stats();
			out.println(DrainSummary.line(done, timeout, Duration.ofNanos(System.nanoTime() - start), before, after));
		});
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of deferred:drain")
	public void drain(@Descriptor("arguments deferred:drain cannot take") String... arguments) {
		DRAIN_USAGE.report(arguments);
	}

	@Descriptor("stops starting deferred jobs; running ones finish and jobs apps raised to high priority still run")
	public void pause() {
		guard().run("deferred:pause", System.err, () -> {
			Services.require(deferredProcessing, Services.NO_DEFERRED_PROCESSING).pause();
			System.out.println("deferred processing paused: jobs requested in high quality still run");
		});
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of deferred:pause")
	public void pause(@Descriptor("an argument deferred:pause cannot take") String unexpected,
			@Descriptor("the arguments after it") String... more) {
		PAUSE_USAGE.report(Usage.join(unexpected, more));
	}

	@Descriptor("starts deferred jobs again after deferred:pause")
	public void resume() {
		guard().run("deferred:resume", System.err, () -> {
			Services.require(deferredProcessing, Services.NO_DEFERRED_PROCESSING).resume();
			System.out.println("deferred processing resumed");
		});
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of deferred:resume")
	public void resume(@Descriptor("an argument deferred:resume cannot take") String unexpected,
			@Descriptor("the arguments after it") String... more) {
		RESUME_USAGE.report(Usage.join(unexpected, more));
	}

	/**
	 * Waits for the drain, printing a progress line over itself when {@code progress} is a terminal. An
	 * interrupted wait (Ctrl-C) stops the drain's wait too; the jobs themselves go on.
	 */
	private static boolean await(Future<Boolean> drained, DeferredProcessing processing, PrintStream progress)
			throws InterruptedException {
		ProgressLine line = new ProgressLine(progress);
		try {
			while (true) {
				try {
					return drained.get(PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
				} catch (TimeoutException stillDraining) {
					line.show(DrainSummary.progress(processing.stats()));
				}
			}
		} catch (ExecutionException e) {
			if (e.getCause() instanceof CameraException cameraException) {
				throw cameraException;
			}
			throw new CommandFailure("the drain failed: " + e.getCause());
		} finally {
			line.clear();
			drained.cancel(true);
		}
	}

	private CommandGuard guard() {
		return new CommandGuard(log);
	}
}
