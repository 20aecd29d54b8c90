/**
 * Development on another machine: the contract a development node serves and a device calls, through OSGi Remote
 * Services (Apache Aries RSA's TCP provider, which carries every argument and result with Java serialisation).
 * <p>
 * Everything that crosses the wire is a serialisable value: a {@link camera.develop.remote.DevelopmentOrder}
 * (the raw burst as {@link camera.develop.remote.FramePacket}s, the JPEG quality and EXIF) goes out, a
 * {@link camera.develop.remote.DevelopedPhoto} (the JPEG) comes back, and a
 * {@link camera.develop.remote.NodeStatus} says what a node can take. Each frame and the JPEG carry a CRC-32C of
 * their bytes, so a damaged transfer is refused rather than developed or stored; each order, photo and status
 * carries an HMAC-SHA256 proof made with a {@link camera.develop.remote.SharedSecret} both sides were given, so
 * a node develops only for devices that know the secret and a device takes photos only from such nodes.
 * <p>
 * Versioning: {@link camera.develop.remote.RemoteDeveloper} is {@code @ProviderType} (a node provides it).
 */
@Version("1.0.0")
@Export
package camera.develop.remote;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
