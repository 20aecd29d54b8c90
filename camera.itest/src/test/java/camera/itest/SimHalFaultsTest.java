package camera.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import camera.api.CameraErrorCode;
import camera.api.CameraException;
import camera.api.CameraManager;
import media.library.PhotoAsset;

/**
 * Each fault the simulated camera injects, configured through ConfigAdmin on a camera of its own, reaches the
 * app as the documented error event through the real framework, never as a hang; the next capture works.
 */
@ExtendWith(ServiceExtension.class)
class SimHalFaultsTest {
	private static final String SIM_PID = "camera.hal.sim";
	private static final String FRAMEWORK_PID = "camera.deferred.framework";
	private static final String FAULTY = "sim-faults";
	private static final long WAIT_SECONDS = 60;

	@InjectService(timeout = 20_000)
	ConfigurationAdmin configurations;
	@InjectService(timeout = 20_000)
	CameraManager cameras;

	private Configuration back;
	private Configuration faulty;
	private DeferredCaptureSession session;

	@BeforeEach
	void keepTheBackCamera() throws IOException {
		// any camera configuration replaces the default camera: configure sim-back alongside the faulty one
		back = configurations.getFactoryConfiguration(SIM_PID, "itest-back", "?");
		back.update(properties(Map.of("camera.id", "sim-back", "exposure.ms", 0, "readout.ms", 0)));
	}

	@AfterEach
	void removeTheCameras() throws Exception {
		if (session != null) {
			session.release();
		}
		if (faulty != null) {
			faulty.delete();
			// the next test configures the same camera: let this one go first
			awaitCamera(FAULTY, false);
		}
		back.delete();
		awaitCamera("sim-back", true);
	}

	@Test
	void theFailFaultEndsTheCaptureWithServiceFatalErrorAndTheNextCaptureWorks() throws Exception {
		session = faultyCamera(Map.of("fault.fail.capture", 1));

		assertThat(errorOf(captureOutcome())).isEqualTo(CameraErrorCode.SERVICE_FATAL_ERROR);
		assertThat(captureOutcome()).isInstanceOf(PhotoAsset.class);
	}

	@Test
	void theDropFaultEndsTheCaptureWithDeviceDisabledAndTheCameraComesBack() throws Exception {
		session = faultyCamera(Map.of("fault.drop.capture", 1, "fault.drop.after.frames", 1, "fault.reattach.ms", 1000));

		assertThat(errorOf(captureOutcome())).isEqualTo(CameraErrorCode.DEVICE_DISABLED);
		session.release();
		// The HAL unregisters the unplugged camera on its own thread, after the error: wait for it to go first.
		awaitCamera(FAULTY, false);
		awaitCamera(FAULTY, true);
		session = DeferredCaptureSession.open(cameras, FAULTY);
		assertThat(captureOutcome()).isInstanceOf(PhotoAsset.class);
	}

	@Test
	void aTruncatedFrameIsLeftOutOfTheBurstAndThePhotoIsSavedFromTheOthers() throws Exception {
		session = faultyCamera(Map.of("fault.corrupt.capture", 1, "fault.corrupt.frame", 0,
				"fault.corruption", "TRUNCATED"));

		assertThat(captureOutcome()).isInstanceOf(PhotoAsset.class);
	}

	@Test
	void aCaptureWhoseOnlyFrameIsTruncatedEndsWithAnErrorSayingWhyAndTheNextCaptureWorks() throws Exception {
		session = faultyCamera(Map.of("burst.frames", 1, "fault.corrupt.capture", 1, "fault.corrupt.frame", 0,
				"fault.corruption", "TRUNCATED"));

		Object outcome = captureOutcome();

		assertThat(errorOf(outcome)).isEqualTo(CameraErrorCode.SERVICE_FATAL_ERROR);
		assertThat(((CameraException) outcome).getMessage()).contains("no usable frame").contains("frame 0 holds");
		assertThat(captureOutcome()).isInstanceOf(PhotoAsset.class);
	}

	@Test
	void aCaptureSlowerThanTheFrameworkAllowsEndsWithServiceFatalError() throws Exception {
		Configuration framework = configurations.getConfiguration(FRAMEWORK_PID, "?");
		Dictionary<String, Object> previous = framework.getProperties();
		Dictionary<String, Object> quick = previous == null ? new Hashtable<>() : copy(previous);
		quick.put("captureTimeoutSeconds", 1);
		framework.update(quick);
		try {
			session = faultyCamera(Map.of("fault.delay.ms", 5_000));
			assertThat(errorOf(captureOutcome())).isEqualTo(CameraErrorCode.SERVICE_FATAL_ERROR);
		} finally {
			if (previous == null) {
				framework.delete();
			} else {
				framework.update(previous);
			}
		}
	}

	private DeferredCaptureSession faultyCamera(Map<String, Object> faults) throws Exception {
		Dictionary<String, Object> properties = properties(Map.of("camera.id", FAULTY, "camera.name",
				"Simulated faulty camera", "profiles", new String[] { "640x480" }, "exposure.ms", 0, "readout.ms", 0));
		faults.forEach(properties::put);
		faulty = configurations.getFactoryConfiguration(SIM_PID, "itest-faults", "?");
		faulty.update(properties);
		awaitCamera(FAULTY, true);
		return DeferredCaptureSession.open(cameras, FAULTY);
	}

	/** @return the asset or the error of one capture; fails the test if neither comes, as a hang would */
	private Object captureOutcome() throws InterruptedException {
		int id = session.capture();
		Object outcome = session.nextOutcome(WAIT_SECONDS);
		assertThat(outcome).as("outcome of capture " + id).isNotNull();
		if (outcome instanceof PhotoAsset) {
			assertThat(session.awaitReady(WAIT_SECONDS)).as("captureReady of capture " + id).isTrue();
		}
		return outcome;
	}

	private static CameraErrorCode errorOf(Object outcome) {
		assertThat(outcome).isInstanceOf(CameraException.class);
		return ((CameraException) outcome).errorCode();
	}

	private void awaitCamera(String cameraId, boolean present) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (cameras.getSupportedCameras().stream().anyMatch(c -> c.cameraId().equals(cameraId)) != present) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("camera " + cameraId + (present ? " did not come" : " did not go"));
			}
			Thread.sleep(20);
		}
	}

	private static Dictionary<String, Object> properties(Map<String, Object> values) {
		Dictionary<String, Object> properties = new Hashtable<>();
		values.forEach(properties::put);
		return properties;
	}

	private static Dictionary<String, Object> copy(Dictionary<String, Object> source) {
		Dictionary<String, Object> copy = new Hashtable<>();
		for (var keys = source.keys(); keys.hasMoreElements();) {
			String key = keys.nextElement();
			copy.put(key, source.get(key));
		}
		return copy;
	}
}
