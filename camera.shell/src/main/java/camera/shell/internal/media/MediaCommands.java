package camera.shell.internal.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import camera.shell.internal.completion.CompletesWith;
import camera.shell.internal.completion.CompletionValues;
import camera.shell.internal.console.CommandGuard;
import camera.shell.internal.console.Services;
import camera.shell.internal.console.ShellSession;
import camera.shell.internal.console.Table;
import camera.shell.internal.console.Usage;
import camera.shell.internal.console.UsageOverload;
import camera.shell.internal.input.Arguments;
import media.library.AssetQuery;
import media.library.AssetUri;
import media.library.DeliveryMode;
import media.library.MediaAssetManager;
import media.library.MediaQuality;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@code media} scope: lists, shows, trashes, restores, deletes and exports the assets of the media library
 * through {@link PhotoAccessHelper} and {@link MediaAssetManager}.
 */
@Component(service = MediaCommands.class, immediate = true, property = { "osgi.command.scope=media",
		"osgi.command.function=list", "osgi.command.function=info", "osgi.command.function=trash",
		"osgi.command.function=restore", "osgi.command.function=delete", "osgi.command.function=export" })
public final class MediaCommands {
	/** The page size of listings; the library returns at most this many assets per query. */
	private static final int PAGE = 500;
	/** Export reads the image that exists now, which the library has at hand. */
	private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(60);
	private static final Usage INFO_USAGE = new Usage("media:info", "media:info <uri>", Set.of(), Set.of(), 1);
	private static final Usage TRASH_USAGE = new Usage("media:trash", "media:trash <uri>", Set.of(), Set.of(), 1);
	private static final Usage RESTORE_USAGE = new Usage("media:restore", "media:restore <uri>", Set.of(), Set.of(), 1);
	private static final Usage DELETE_USAGE = new Usage("media:delete", "media:delete <uri>", Set.of(), Set.of(), 1);
	private static final Usage EXPORT_USAGE = new Usage("media:export", "media:export [--raw] <uri> <file>", Set.of(),
			Set.of("--raw"), 2);
	private static final Usage LIST_USAGE = new Usage("media:list",
			"media:list [--quality fast|full] [--trashed] [--no-format]", Set.of("--quality"),
			Set.of("--trashed", "--no-format"), 0);

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile PhotoAccessHelper photoAccessHelper;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	private volatile MediaAssetManager mediaAssetManager;

	@Reference(service = LoggerFactory.class)
	private Logger log;

	@Descriptor("lists the assets of the media library, newest first: URI, quality, size, bytes, date taken, job")
	public void list(
			@Descriptor("only assets of this quality: fast or full")
			@Parameter(names = "--quality", absentValue = "")
			@CompletesWith(CompletionValues.MEDIA_QUALITIES) String quality,
			@Descriptor("list the assets in the trash instead")
			@Parameter(names = "--trashed", presentValue = "true", absentValue = "false") String trashed,
			@Descriptor("print tab-separated rows without header, the asset URI first, for scripts")
			@Parameter(names = "--no-format", presentValue = "true", absentValue = "false") String noFormat) {
		guard().run("media:list", System.err, () -> {
			MediaQuality only = quality.isEmpty() ? null : Arguments.choice("--quality", quality, MediaQuality.class);
			PhotoAccessHelper library = Services.require(photoAccessHelper, Services.NO_MEDIA_LIBRARY);
			AssetQuery query = AssetQuery.all().withQuality(only);
			boolean inTrash = Boolean.parseBoolean(trashed);
			query = inTrash ? query.inTrash() : query;
			Table table = AssetTable.of(allPages(library, query));
			table.print(System.out, Boolean.parseBoolean(noFormat), inTrash ? "the trash is empty" : "no assets");
		});
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of media:list")
	public void list(@Descriptor("an argument media:list cannot take") String unexpected,
			@Descriptor("the arguments after it") String... more) {
		LIST_USAGE.report(Usage.join(unexpected, more));
	}

	@Descriptor("shows everything the library knows about an asset")
	public void info(
			@Descriptor("the asset URI, " + AssetUri.PREFIX + "<id>/<name>")
			@CompletesWith(CompletionValues.ASSET_URIS) String uri) {
		if (Usage.asksForHelp(uri)) {
			INFO_USAGE.report(uri);
			return;
		}
		guard().run("media:info", System.err, () -> {
			AssetUri checked = Arguments.assetUri(uri);
			PhotoAccessHelper library = Services.require(photoAccessHelper, Services.NO_MEDIA_LIBRARY);
			PhotoAsset asset = AssetLookup.asset(library, checked);
			AssetTable.describe(asset, library.getRawImage(asset), System.out);
		});
	}

	@UsageOverload
	@Descriptor("shows how to call media:info")
	public void info() {
		CommandGuard.report(System.err, "usage: media:info <uri>");
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of media:info")
	public void info(@Descriptor("an argument") String first, @Descriptor("an argument") String second,
			@Descriptor("the arguments after them") String... more) {
		INFO_USAGE.report(Usage.join(first, Usage.join(second, more)));
	}

	@Descriptor("moves an asset to the trash; its deferred job drops to low priority")
	public void trash(
			@Descriptor("the asset URI, " + AssetUri.PREFIX + "<id>/<name>")
			@CompletesWith(CompletionValues.ASSET_URIS) String uri) {
		if (Usage.asksForHelp(uri)) {
			TRASH_USAGE.report(uri);
			return;
		}
		guard().run("media:trash", System.err, () -> {
			AssetUri checked = Arguments.assetUri(uri);
			PhotoAccessHelper library = Services.require(photoAccessHelper, Services.NO_MEDIA_LIBRARY);
			PhotoAsset asset = AssetLookup.asset(library, checked);
			if (asset.trashed()) {
				System.out.println(asset.uri() + " is already in the trash");
				return;
			}
			library.trash(List.of(asset));
			System.out.println("trashed " + asset.uri());
		});
	}

	@UsageOverload
	@Descriptor("shows how to call media:trash")
	public void trash() {
		CommandGuard.report(System.err, "usage: media:trash <uri>");
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of media:trash")
	public void trash(@Descriptor("an argument") String first, @Descriptor("an argument") String second,
			@Descriptor("the arguments after them") String... more) {
		TRASH_USAGE.report(Usage.join(first, Usage.join(second, more)));
	}

	@Descriptor("takes an asset out of the trash; its deferred job goes back to normal priority")
	public void restore(
			@Descriptor("the asset URI, " + AssetUri.PREFIX + "<id>/<name>")
			@CompletesWith(CompletionValues.TRASHED_ASSET_URIS) String uri) {
		if (Usage.asksForHelp(uri)) {
			RESTORE_USAGE.report(uri);
			return;
		}
		guard().run("media:restore", System.err, () -> {
			AssetUri checked = Arguments.assetUri(uri);
			PhotoAccessHelper library = Services.require(photoAccessHelper, Services.NO_MEDIA_LIBRARY);
			PhotoAsset asset = AssetLookup.asset(library, checked);
			if (!asset.trashed()) {
				System.out.println(asset.uri() + " is not in the trash");
				return;
			}
			library.restore(List.of(asset));
			System.out.println("restored " + asset.uri());
		});
	}

	@UsageOverload
	@Descriptor("shows how to call media:restore")
	public void restore() {
		CommandGuard.report(System.err, "usage: media:restore <uri>");
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of media:restore")
	public void restore(@Descriptor("an argument") String first, @Descriptor("an argument") String second,
			@Descriptor("the arguments after them") String... more) {
		RESTORE_USAGE.report(Usage.join(first, Usage.join(second, more)));
	}

	@Descriptor("deletes an asset and its files for good; its deferred job is cancelled")
	public void delete(
			@Descriptor("the asset URI, " + AssetUri.PREFIX + "<id>/<name>")
			@CompletesWith(CompletionValues.ASSET_URIS) String uri) {
		if (Usage.asksForHelp(uri)) {
			DELETE_USAGE.report(uri);
			return;
		}
		guard().run("media:delete", System.err, () -> {
			AssetUri checked = Arguments.assetUri(uri);
			PhotoAccessHelper library = Services.require(photoAccessHelper, Services.NO_MEDIA_LIBRARY);
			PhotoAsset asset = AssetLookup.asset(library, checked);
			library.deletePermanently(List.of(asset));
			System.out.println("deleted " + asset.uri());
		});
	}

	@UsageOverload
	@Descriptor("shows how to call media:delete")
	public void delete() {
		CommandGuard.report(System.err, "usage: media:delete <uri>");
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of media:delete")
	public void delete(@Descriptor("an argument") String first, @Descriptor("an argument") String second,
			@Descriptor("the arguments after them") String... more) {
		DELETE_USAGE.report(Usage.join(first, Usage.join(second, more)));
	}

	@Descriptor("writes the current image of an asset, or with --raw its raw image (DNG), to a new file")
	public void export(CommandSession session,
			@Descriptor("write the raw image (DNG) the asset keeps beside its photo, from a capture with --raw")
			@Parameter(names = "--raw", presentValue = "true", absentValue = "false") String raw,
			@Descriptor("the asset URI, " + AssetUri.PREFIX + "<id>/<name>")
			@CompletesWith(CompletionValues.ASSET_URIS) String uri,
			@Descriptor("the file to create, relative to the shell's current directory") String file) {
		if (Usage.asksForHelp(uri)) {
			EXPORT_USAGE.report(uri);
			return;
		}
		guard().run("media:export", System.err, () -> {
			AssetUri checked = Arguments.assetUri(uri);
			Path target = ImageFiles.target(ShellSession.currentDirectory(session), file);
			PhotoAccessHelper library = Services.require(photoAccessHelper, Services.NO_MEDIA_LIBRARY);
			if (Boolean.parseBoolean(raw)) {
				PhotoAsset asset = AssetLookup.asset(library, checked);
				byte[] dng = library.getRawImageData(asset);
				ImageFiles.write(target, dng);
				System.out.println("exported the raw image of " + asset.uri() + " (DNG, " + dng.length + " bytes) to "
						+ target);
				return;
			}
			MediaAssetManager images = Services.require(mediaAssetManager, Services.NO_MEDIA_LIBRARY);
			PhotoAsset asset = AssetLookup.asset(library, checked);
			ImageDelivery image = new ImageRequest(images, EXPORT_TIMEOUT).run(asset, DeliveryMode.FAST_MODE,
					delivery -> {
					});
			ImageFiles.write(target, image.jpeg());
			System.out.println("exported " + asset.uri() + " (" + image.quality() + ", " + image.jpeg().length
					+ " bytes) to " + target);
		});
	}

	@UsageOverload
	@Descriptor("shows how to call media:export")
	public void export(@Descriptor("the asset URI") String uri) {
		EXPORT_USAGE.report(uri);
	}

	@UsageOverload
	@Descriptor("shows how to call media:export")
	public void export() {
		CommandGuard.report(System.err, "usage: media:export [--raw] <uri> <file>");
	}

	@UsageOverload
	@Descriptor("says what is wrong with the arguments of media:export")
	public void export(@Descriptor("an argument") String first, @Descriptor("an argument") String second,
			@Descriptor("an argument") String third, @Descriptor("the arguments after them") String... more) {
		EXPORT_USAGE.report(Usage.join(first, Usage.join(second, Usage.join(third, more))));
	}

	private static List<PhotoAsset> allPages(PhotoAccessHelper library, AssetQuery query) {
		List<PhotoAsset> assets = new ArrayList<>();
		List<PhotoAsset> page;
		do {
			page = library.getAssets(query.page(assets.size(), PAGE));
			assets.addAll(page);
		} while (page.size() == PAGE);
		return assets;
	}

	private CommandGuard guard() {
		return new CommandGuard(log);
	}
}
