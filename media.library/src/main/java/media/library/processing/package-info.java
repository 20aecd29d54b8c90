/**
 * The seam between the media library and the camera's deferred processing, so that neither bundle imports the
 * other's implementation.
 * <p>
 * The camera side implements {@link media.library.processing.DeferredProcessingSession}: the library calls it
 * to raise, lower, restore or cancel the deferred job of an asset, and to hand over the list of pending jobs at
 * start-up. The library implements {@link media.library.processing.CameraPhotoStore}: the camera calls it to
 * create the first-phase asset of a capture and to replace its image in place when the full-quality image is
 * developed.
 */
@Version("1.2.0")
@Export
package media.library.processing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
