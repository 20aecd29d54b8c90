package camera.shell.internal.camera;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import camera.api.CameraDevice;
import camera.api.CameraManager;
import camera.api.PhotoCaptureSetting;
import camera.api.Profile;
import camera.api.SceneMode;
import camera.api.Size;
import camera.shell.internal.completion.CompletesWith;
import camera.shell.internal.completion.CompletionValues;
import camera.shell.internal.console.CommandGuard;
import camera.shell.internal.console.Services;
import camera.shell.internal.console.ShellSession;
import camera.shell.internal.console.Table;
import camera.shell.internal.console.Table.Column;
import camera.shell.internal.console.Usage;
import camera.shell.internal.console.UsageOverload;
import camera.shell.internal.input.Arguments;
import camera.shell.internal.input.CaptureMode;
import camera.shell.internal.input.RequestMode;
import camera.shell.internal.media.AssetLookup;
import camera.shell.internal.media.ImageDelivery;
import camera.shell.internal.media.ImageFiles;
import camera.shell.internal.media.ImageRequest;
import media.library.AssetUri;
import media.library.MediaAssetManager;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@code camera} scope: lists cameras, takes photos through each delivery flow and requests images, as an
 * app would, through {@link CameraManager}, {@link PhotoAccessHelper} and {@link MediaAssetManager}.
 */
@Component(service = CameraCommands.class, immediate = true, configurationPid = CameraCommands.PID, property = {
		"osgi.command.scope=camera", "osgi.command.function=list", "osgi.command.function=profiles",
		"osgi.command.function=capture", "osgi.command.function=request" })
@Designate(ocd = CameraCommands.Timeouts.class)
public final class CameraCommands {
	static final String PID = "camera.shell.camera";
	private static final Usage LIST_USAGE = new Usage("camera:list", "camera:list [--no-format]", Set.of(),
			Set.of("--no-format"), 0);
	private static final Usage PROFILES_USAGE = new Usage("camera:profiles", "camera:profiles [--no-format] <camera>",
			Set.of(), Set.of("--no-format"), 1);
	private static final Usage CAPTURE_USAGE = new Usage("camera:capture",
			"camera:capture [-c camera] [-n count] [-m deferred|single|proxy] [-q high|medium|low] [-s WxH] "
					+ "[-r rotation] [--raw]",
			Set.of("-c", "--camera", "-n", "--count", "-m", "--mode", "-q", "--quality", "-s", "--size", "-r",
					"--rotation"),
			Set.of("--raw"), 0);
	private static final Usage REQUEST_USAGE = new Usage("camera:request",
			"camera:request [-m fast|high|balanced] [-o file] <uri>", Set.of("-m", "--mode", "-o", "--output"), Set.of(), 1);

	@ObjectClassDefinition(name = "Darkroom shell: camera commands",
			description = "How long camera:capture and camera:request wait before they give up.")
	@interface Timeouts {
		@AttributeDefinition(description = "Seconds camera:capture waits for each event of a capture "
				+ "(the photo, the readiness for the next one) before it abandons the capture.", min = "1")
		int captureTimeoutSeconds() default 30;

		@AttributeDefinition(description = "Seconds camera:request waits in high and balanced mode for the "
				+ "full-quality image before it cancels the request.", min = "1")
		int requestTimeoutSeconds() default 120;
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile CameraManager cameraManager;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile PhotoAccessHelper photoAccessHelper;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile MediaAssetManager mediaAssetManager;

	@Reference(service = LoggerFactory.class)
	private Logger log;

	private volatile Timeouts timeouts;

	@Activate
	public CameraCommands(Timeouts timeouts) {
		this.timeouts = timeouts;
	}

	@Modified
	void modified(Timeouts changed) {
		this.timeouts = changed;
	}

	@Descriptor("lists the cameras: id, name, HAL, position and whether they defer photo delivery")
	public void list(
			@Descriptor("print tab-separated rows without header, for scripts")
			@Parameter(names = "--no-format", presentValue = "true", absentValue = "false") String noFormat) {
		guard().run("camera:list", System.err, () -> {
			CameraManager cameras = Services.require(cameraManager, Services.NO_CAMERA_MANAGER);
			CameraLookup lookup = new CameraLookup(cameras);
			DeferredSupportProbe probe = new DeferredSupportProbe(cameras);
			Table table = Table.of(Column.left("ID"), Column.left("NAME"), Column.left("HAL"),
					Column.left("POSITION"), Column.left("DEFERRED"));
			for (CameraDevice camera : lookup.available()) {
				List<Profile> profiles = cameras.getSupportedOutputCapability(camera, SceneMode.NORMAL_PHOTO)
					.photoProfiles();
				String deferred = profiles.isEmpty() ? "no" : probe.deferredSupport(camera, profiles.getFirst());
				table.row(camera.cameraId(), camera.name(), camera.hal(), camera.position(), deferred);
			}
			table.print(System.out, Boolean.parseBoolean(noFormat), Services.NO_CAMERA);
		});
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of camera:list")
	public void list(@Descriptor("an argument camera:list cannot take") String unexpected,
			@Descriptor("the arguments after it") String... more) {
		LIST_USAGE.report(Usage.join(unexpected, more));
	}

	@Descriptor("lists the photo profiles of a camera: format, size and megapixels, largest first")
	public void profiles(
			@Descriptor("print tab-separated rows without header, for scripts")
			@Parameter(names = "--no-format", presentValue = "true", absentValue = "false") String noFormat,
			@Descriptor("the camera id, as camera:list shows it")
			@CompletesWith(CompletionValues.CAMERA_IDS) String camera) {
		if (Usage.asksForHelp(camera)) {
			PROFILES_USAGE.report(camera);
			return;
		}
		guard().run("camera:profiles", System.err, () -> {
			CameraLookup lookup = new CameraLookup(Services.require(cameraManager, Services.NO_CAMERA_MANAGER));
			Table table = Table.of(Column.left("FORMAT"), Column.right("SIZE"), Column.right("MEGAPIXELS"));
			for (Profile profile : lookup.profiles(lookup.camera(camera))) {
				table.row(profile.format(), profile.size(), String.format("%.1f", profile.size().pixels() / 1e6));
			}
			table.print(System.out, Boolean.parseBoolean(noFormat), "camera '" + camera + "' offers no photo profile");
		});
	}

	@UsageOverload
	@Descriptor("shows how to call camera:profiles")
	public void profiles() {
		CommandGuard.report(System.err, "usage: camera:profiles [--no-format] <camera>");
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of camera:profiles")
	public void profiles(@Descriptor("an argument") String first, @Descriptor("an argument") String second,
			@Descriptor("the arguments after them") String... more) {
		PROFILES_USAGE.report(Usage.join(first, Usage.join(second, more)));
	}

	@Descriptor("takes photos the way an app does and saves them to the media library; prints one line per "
			+ "photo: capture id, asset URI, quality, phase-1 milliseconds")
	public void capture(
			@Descriptor("the camera id (default: the first camera of camera:list)")
			@Parameter(names = { "-c", "--camera" }, absentValue = "")
			@CompletesWith(CompletionValues.CAMERA_IDS) String camera,
			@Descriptor("how many photos, one after the other (default 1)")
			@Parameter(names = { "-n", "--count" }, absentValue = "1") String count,
			@Descriptor("the delivery flow: deferred (FAST asset now, FULL later), single (FULL at once) or "
					+ "proxy (system app: photo proxy saved with PHOTO_PROXY); default deferred")
			@Parameter(names = { "-m", "--mode" }, absentValue = "deferred")
			@CompletesWith(CompletionValues.CAPTURE_MODES) String mode,
			@Descriptor("the JPEG quality: high, medium or low (default high)")
			@Parameter(names = { "-q", "--quality" }, absentValue = "high")
			@CompletesWith(CompletionValues.QUALITY_LEVELS) String quality,
			@Descriptor("the photo size WIDTHxHEIGHT, one of camera:profiles (default the largest)")
			@Parameter(names = { "-s", "--size" }, absentValue = "")
			@CompletesWith(CompletionValues.PHOTO_SIZES) String size,
			@Descriptor("the rotation in degrees: 0, 90, 180 or 270 (default 0)")
			@Parameter(names = { "-r", "--rotation" }, absentValue = "0")
			@CompletesWith(CompletionValues.ROTATIONS) String rotation,
			@Descriptor("also keep the burst's reference frame as a DNG beside each photo (media:export --raw)")
			@Parameter(names = "--raw", presentValue = "true", absentValue = "false") String raw) {
		guard().run("camera:capture", System.err, () -> {
			int photos = Arguments.count("-n", count);
			CaptureMode flow = Arguments.choice("-m", mode, CaptureMode.class);
			Size wanted = size.isBlank() ? null : Arguments.size("-s", size);
			PhotoCaptureSetting setting = new PhotoCaptureSetting(Arguments.quality("-q", quality),
					Arguments.rotation("-r", rotation), false, null, Boolean.parseBoolean(raw));
			CameraManager cameras = Services.require(cameraManager, Services.NO_CAMERA_MANAGER);
			PhotoAccessHelper library = Services.require(photoAccessHelper, Services.NO_MEDIA_LIBRARY);
			CameraLookup lookup = new CameraLookup(cameras);
			CameraDevice device = lookup.camera(camera);
			Profile profile = lookup.profile(device, wanted);
			PrintStream out = System.out;
			new CaptureRun(cameras, library, Duration.ofSeconds(timeouts.captureTimeoutSeconds()))
				.run(device, profile, setting, delivery(flow), photos, photo -> out.println(photo.line()));
		});
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of camera:capture")
	public void capture(@Descriptor("arguments camera:capture cannot take") String... arguments) {
		CAPTURE_USAGE.report(arguments);
	}

	@Descriptor("requests the image of an asset; prints one line per delivery: URI, quality, bytes, milliseconds")
	public void request(CommandSession session,
			@Descriptor("the delivery mode: fast (what exists now), high (only the full-quality image, raising its "
					+ "job) or balanced (what exists now, then the full-quality image); default fast")
			@Parameter(names = { "-m", "--mode" }, absentValue = "fast")
			@CompletesWith(CompletionValues.REQUEST_MODES) String mode,
			@Descriptor("write the last image delivered to this new file")
			@Parameter(names = { "-o", "--output" }, absentValue = "") String file,
			@Descriptor("the asset URI, " + AssetUri.PREFIX + "<id>/<name>")
			@CompletesWith(CompletionValues.ASSET_URIS) String uri) {
		if (Usage.asksForHelp(uri)) {
			REQUEST_USAGE.report(uri);
			return;
		}
		guard().run("camera:request", System.err, () -> {
			RequestMode requestMode = Arguments.choice("-m", mode, RequestMode.class);
			AssetUri checked = Arguments.assetUri(uri);
			Path target = file.isEmpty() ? null : ImageFiles.target(ShellSession.currentDirectory(session), file);
			PhotoAccessHelper library = Services.require(photoAccessHelper, Services.NO_MEDIA_LIBRARY);
			MediaAssetManager images = Services.require(mediaAssetManager, Services.NO_MEDIA_LIBRARY);
			PhotoAsset asset = AssetLookup.asset(library, checked);
			PrintStream out = System.out;
			ImageDelivery last = new ImageRequest(images, Duration.ofSeconds(timeouts.requestTimeoutSeconds()))
				.run(asset, requestMode.deliveryMode(), delivery -> out.println(delivery.line()));
			if (target != null) {
				ImageFiles.write(target, last.jpeg());
				out.println("wrote " + last.quality() + " image to " + target);
			}
		});
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of camera:request")
	public void request(@Descriptor("arguments camera:request cannot take") String... arguments) {
		REQUEST_USAGE.report(arguments);
	}

	private static PhotoDelivery<?> delivery(CaptureMode mode) {
		return switch (mode) {
			case DEFERRED -> new DeferredAssetDelivery();
			case SINGLE -> new SinglePhaseDelivery();
			case PROXY -> new ProxyDelivery();
		};
	}

	private CommandGuard guard() {
		return new CommandGuard(log);
	}
}
