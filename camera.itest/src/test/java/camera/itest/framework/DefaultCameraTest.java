package camera.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import camera.api.CameraDevice;
import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.CameraManager;
import camera.api.CameraPosition;
import camera.api.CameraType;
import camera.api.ConnectionType;
import camera.api.Size;
import camera.api.hal.HalCamera;
import camera.api.hal.HalCameraInfo;
import camera.api.hal.HalCameraProperties;
import camera.api.hal.HalCapabilities;
import camera.api.hal.HalDevice;
import camera.api.hal.HalProfile;
import camera.api.hal.PixelFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

/** Which camera the CameraManager lists first, the default camera, follows the HAL services' ranking. */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class DefaultCameraTest {
	private static final long WAIT_SECONDS = 20;
	private static final HalCameraInfo RANKED = new HalCameraInfo("itest-ranked", "Ranked test camera", "itest",
			CameraPosition.BACK, CameraType.WIDE_ANGLE, ConnectionType.BUILT_IN, "Darkroom", "itest");

	@InjectService(timeout = 20_000)
	CameraManager cameras;
	@InjectBundleContext
	BundleContext context;

	@Test
	void aHalCameraRankedAboveTheOthersIsTheDefaultCameraWhileItIsRegistered() throws Exception {
		awaitAnotherCamera();
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(HalCameraProperties.CAMERA_ID, RANKED.id());
		properties.put(HalCameraProperties.HAL, RANKED.hal());
		properties.put(Constants.SERVICE_RANKING, 1000);
		// the framework binds HAL cameras dynamically, on the registering thread
		ServiceRegistration<HalCamera> registration = context.registerService(HalCamera.class, new UnopenableCamera(),
				properties);
		try {
			List<CameraDevice> listed = cameras.getSupportedCameras();
			assertThat(listed).hasSizeGreaterThan(1);
			assertThat(listed.getFirst().cameraId()).isEqualTo(RANKED.id());
		} finally {
			registration.unregister();
		}
		assertThat(cameras.getSupportedCameras()).extracting(CameraDevice::cameraId).doesNotContain(RANKED.id());
	}

	private void awaitAnotherCamera() throws InterruptedException {
		ServiceTracker<HalCamera, HalCamera> tracker = new ServiceTracker<>(context, HalCamera.class, null);
		tracker.open();
		try {
			assertThat(tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS))).as("a HAL camera").isNotNull();
		} finally {
			tracker.close();
		}
	}

	/** A camera that is only listed: nothing in this test opens it. */
	private static final class UnopenableCamera implements HalCamera {
		@Override
		public HalCameraInfo info() {
			return RANKED;
		}

		@Override
		public HalCapabilities capabilities() {
			return new HalCapabilities(List.of(new HalProfile(new Size(64, 48), PixelFormat.RAW_BAYER16)), 1, Set.of());
		}

		@Override
		public HalDevice open() {
			throw new CameraException(CameraErrorCode.DEVICE_DISABLED, "the ranked test camera cannot be opened");
		}
	}
}
