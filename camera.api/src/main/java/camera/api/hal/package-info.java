/**
 * The HAL SPI: what a hardware bundle implements so that the camera framework can use its cameras.
 * <p>
 * A HAL registers one {@link camera.api.hal.HalCamera} service per camera it serves and unregisters it when
 * the camera goes away; the framework tracks these services dynamically, so HAL bundles can be stopped,
 * updated and started at runtime. The framework opens a {@link camera.api.hal.HalDevice}, asks it for
 * captures with a {@link camera.api.hal.HalCaptureRequest}, and receives {@link camera.api.hal.RawFrame}s
 * through a {@link camera.api.hal.FrameSink}: either frames that become the framework's, or frames lent in
 * buffers the HAL owns ({@link camera.api.hal.FrameLease}), released when the framework is done with them. A
 * camera that streams ({@link camera.api.hal.HalDevice#stream}) lends every frame, and the framework keeps a ring
 * of the latest ones, so that a capture takes frames the sensor already delivered (zero shutter lag).
 * <p>
 * A simulated HAL also registers a {@link camera.api.hal.SimulatedScene} per camera: an optional contract that
 * renders a burst together with its noise-free reference, so that image quality can be measured. Real HALs do
 * not register it, and nothing needs it to capture.
 * <p>
 * Versioning: the interfaces a HAL implements are {@code @ConsumerType}, so a HAL built against 1.0 keeps
 * resolving against every 1.x; methods added in a minor version come with a default implementation. The
 * callback the framework implements ({@link camera.api.hal.FrameSink}) is {@code @ProviderType}.
 */
@Version("1.2.0")
@Export
package camera.api.hal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
