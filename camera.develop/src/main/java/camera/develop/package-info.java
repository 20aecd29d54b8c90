/**
 * Development of raw sensor frames into photos, as services: a {@link camera.develop.PhotoDeveloper} (the fast
 * development of phase 1 and the full multi-frame development of phase 2), a {@link camera.develop.JpegCodec}
 * (JPEG with EXIF) and a {@link camera.develop.DngCodec} (raw frames as DNG files, since 1.1), exchanging plain
 * data: {@link camera.develop.RgbImage} and {@link camera.develop.ExifData}.
 * <p>
 * The contract is one a development service in another process can keep: every call takes its whole input and
 * returns its whole result, calls nothing back, and keeps no reference to what it was given after it returns.
 * A long development is cancelled by interrupting the calling thread.
 * <p>
 * {@link camera.develop.ExifData} and {@link camera.develop.GeoPosition} are serialisable (since 1.1), so that
 * an order to another machine carries them.
 * <p>
 * Versioning: the services are {@code @ProviderType} (camera.develop provides them; a consumer built against
 * 1.0 keeps working with every 1.x).
 */
@Version("1.1.0")
@Export
package camera.develop;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
