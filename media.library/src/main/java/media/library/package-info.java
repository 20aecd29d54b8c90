/**
 * The photo library of Darkroom: photo assets stored as files with an SQLite catalogue.
 * <p>
 * Applications find the library through the {@link media.library.PhotoAccessHelper} service: they create
 * assets, query them, and change them with a {@link media.library.MediaAssetChangeRequest} applied as one
 * unit. The {@link media.library.MediaAssetManager} service hands out image data with a
 * {@link media.library.DeliveryMode}: what exists now, only the full-quality image, or both in turn. Every
 * failure is a {@link media.library.MediaLibraryException} carrying a {@link media.library.MediaLibraryErrorCode}.
 * <p>
 * The package also owns facts every Darkroom bundle shares: the syntax of asset URIs ({@link media.library.AssetUri})
 * and display names ({@link media.library.DisplayNames}), and where the data directory is
 * ({@link media.library.DataDirectory}).
 */
@Version("1.3.0")
@Export
package media.library;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
