package camera.hal.v4l2.internal.camera;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.DeferredDeliveryImageType;
import camera.api.Size;
import camera.api.hal.HalCamera;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.HalCapabilities;
import camera.api.hal.HalDevice;
import camera.api.hal.HalProfile;
import camera.api.hal.PixelFormat;
import camera.hal.v4l2.internal.device.VideoDevice;
import camera.hal.v4l2.internal.syscall.SyscallException;
import camera.hal.v4l2.internal.syscall.Syscalls;

/**
 * A V4L2 capture device node as a camera. Opening it opens the node; one session of this platform holds it at
 * a time. When the device goes away the camera reports itself lost and refuses further use.
 */
public final class V4l2Camera implements HalCamera {
	private final Syscalls syscalls;
	private final String path;
	private final CameraProbe.Probed probed;
	private final Supplier<CaptureSettings> settings;
	private final Consumer<V4l2Camera> onLost;
	private final Logger log;
	private final Object lock = new Object();
	private V4l2HalDevice opened;
	private volatile boolean gone;

	public V4l2Camera(Syscalls syscalls, String path, CameraProbe.Probed probed, Supplier<CaptureSettings> settings,
			Consumer<V4l2Camera> onLost, Logger log) {
		this.syscalls = syscalls;
		this.path = path;
		this.probed = probed;
		this.settings = settings;
		this.onLost = onLost;
		this.log = log;
	}

	public String path() {
		return path;
	}

	@Override
	public HalCameraInfo info() {
		return probed.info();
	}

	@Override
	public HalCapabilities capabilities() {
		return new HalCapabilities(List.copyOf(probed.profiles().keySet()), settings.get().maxBurst(),
				Set.of(DeferredDeliveryImageType.PHOTO));
	}

	@Override
	public HalDevice open() {
		synchronized (lock) {
			if (gone) {
				throw new CameraException(CameraErrorCode.DEVICE_DISABLED, "camera " + id() + " is gone");
			}
			if (opened != null) {
				throw new CameraException(CameraErrorCode.CONFLICT_CAMERA, "camera " + id() + " is already open");
			}
			try {
				opened = new V4l2HalDevice(this, VideoDevice.open(syscalls, path));
			} catch (SyscallException e) {
				throw Faults.toCameraException(id(), "open " + path, e);
			}
			return opened;
		}
	}

	/**
	 * Closes the device if a session holds it, after its capture in progress ends (within one poll timeout) and its
	 * stream stops, and refuses later opens. Called when the device node disappears or the HAL stops.
	 */
	public void retire() {
		gone = true;
		V4l2HalDevice device;
		synchronized (lock) {
			device = opened;
		}
		if (device != null) {
			device.close();
		}
	}

	String id() {
		return probed.info().id();
	}

	boolean gone() {
		return gone;
	}

	CaptureSettings settings() {
		return settings.get();
	}

	Logger log() {
		return log;
	}

	/** @return the driver's fourcc for a profile, if the camera offers it */
	Optional<Integer> fourcc(Size size, PixelFormat format) {
		return Optional.ofNullable(probed.profiles().get(new HalProfile(size, format)));
	}

	void released(V4l2HalDevice device) {
		synchronized (lock) {
			if (opened == device) {
				opened = null;
			}
		}
	}

	void lost() {
		gone = true;
		onLost.accept(this);
	}
}
