package camera.deferred.internal.schedule;

import static camera.deferred.internal.testing.TestSupport.config;
import static camera.deferred.internal.testing.TestSupport.recordingLogger;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import media.library.processing.CameraPhotoStore;

class ConditionComponentsTest {
	@TempDir
	Path sysfs;

	/** What the condition under test logged at WARN and ERROR. */
	private final List<String> logged = new ArrayList<>();

	private static void attribute(Path device, String name, String value) throws IOException {
		Files.createDirectories(device);
		Files.writeString(device.resolve(name), value + "\n");
	}

	@Nested
	class CaptureIdle {
		private final CaptureIdleCondition condition = new CaptureIdleCondition(
				config(CaptureIdleCondition.Config.class, Map.of()));

		@Test
		void holdsWhenNoCaptureRuns() {
			assertThat(condition.holds()).isTrue();
		}

		@Test
		void doesNotHoldWhileACaptureRuns() {
			condition.captureActivity(true);

			assertThat(condition.holds()).isFalse();
		}

		@Test
		void waitsForEveryOverlappingCaptureToEnd() {
			condition.captureActivity(true);
			condition.captureActivity(true);
			condition.captureActivity(false);

			assertThat(condition.holds()).isFalse();
			condition.captureActivity(false);
			assertThat(condition.holds()).isTrue();
		}

		@Test
		void holdsDuringCapturesWhenDisabled() {
			CaptureIdleCondition disabled = new CaptureIdleCondition(
					config(CaptureIdleCondition.Config.class, Map.of("enabled", false)));
			disabled.captureActivity(true);

			assertThat(disabled.holds()).isTrue();
		}
	}

	@Nested
	class CpuLoad {
		private final CpuLoadCondition.Config limit = config(CpuLoadCondition.Config.class,
				Map.of("maxLoad", 0.6));

		@Test
		void holdsBelowTheLimit() {
			assertThat(new CpuLoadCondition(limit, () -> 0.3).holds()).isTrue();
		}

		@Test
		void doesNotHoldAboveTheLimit() {
			assertThat(new CpuLoadCondition(limit, () -> 0.9).holds()).isFalse();
		}

		@Test
		void holdsWhenThePlatformCannotTell() {
			assertThat(new CpuLoadCondition(limit, () -> -1).holds()).isTrue();
		}
	}

	@Nested
	class Thermal {
		private ThermalCondition.Config settings(Map<String, Object> settings) {
			Map<String, Object> all = new HashMap<>(settings);
			all.put("thermalDirectory", sysfs.toString());
			return config(ThermalCondition.Config.class, all);
		}

		private ThermalCondition condition(Map<String, Object> settings) {
			return new ThermalCondition(settings(settings), recordingLogger(logged));
		}

		@Test
		void doesNotHoldWhenAnyZoneIsTooHot() throws IOException {
			attribute(sysfs.resolve("thermal_zone0"), "temp", "45000");
			attribute(sysfs.resolve("thermal_zone1"), "temp", "91000");

			assertThat(condition(Map.of("maxCelsius", 80.0)).holds()).isFalse();
		}

		@Test
		void holdsWhenEveryZoneIsCoolEnough() throws IOException {
			attribute(sysfs.resolve("thermal_zone0"), "temp", "45000");

			assertThat(condition(Map.of("maxCelsius", 80.0)).holds()).isTrue();
		}

		@Test
		void holdsWithoutThermalZones() {
			assertThat(condition(Map.of()).holds()).isTrue();
		}

		@Test
		void theConfiguredTemperatureOverridesTheSensors() throws IOException {
			attribute(sysfs.resolve("thermal_zone0"), "temp", "45000");

			assertThat(condition(Map.of("maxCelsius", 80.0, "overrideCelsius", "95")).holds()).isFalse();
		}

		@Test
		void anOverrideThatIsNoTemperatureIsRefusedAndTheZonesAreRead() throws IOException {
			attribute(sysfs.resolve("thermal_zone0"), "temp", "91000");

			ThermalCondition condition = condition(Map.of("maxCelsius", 80.0, "overrideCelsius", "hot"));

			assertThat(condition.holds()).isFalse();
			assertThat(logged).containsExactly("error: thermal condition: overrideCelsius \"hot\" is not a temperature"
					+ " in degrees Celsius; it keeps reading the thermal zones");
		}

		@Test
		void aChangeToAnOverrideThatIsNoTemperatureKeepsThePreviousOverride() throws IOException {
			attribute(sysfs.resolve("thermal_zone0"), "temp", "45000");
			ThermalCondition condition = condition(Map.of("maxCelsius", 80.0, "overrideCelsius", "95"));

			condition.modified(settings(Map.of("maxCelsius", 80.0, "overrideCelsius", "95 C")));

			assertThat(condition.holds()).isFalse();
			assertThat(logged).singleElement().asString().endsWith("it keeps the override 95.0");
		}
	}

	@Nested
	class Battery {
		private BatteryCondition.Config settings(Map<String, Object> settings) {
			Map<String, Object> all = new HashMap<>(settings);
			all.put("powerSupplyDirectory", sysfs.toString());
			return config(BatteryCondition.Config.class, all);
		}

		private BatteryCondition condition(Map<String, Object> settings) {
			return new BatteryCondition(settings(settings), recordingLogger(logged));
		}

		private void battery(String capacity, String status) throws IOException {
			Path bat = sysfs.resolve("BAT0");
			attribute(bat, "type", "Battery");
			attribute(bat, "capacity", capacity);
			attribute(bat, "status", status);
		}

		@Test
		void doesNotHoldOnALowBatteryThatDischarges() throws IOException {
			battery("12", "Discharging");

			assertThat(condition(Map.of()).holds()).isFalse();
		}

		@Test
		void holdsOnALowBatteryThatCharges() throws IOException {
			battery("12", "Charging");

			assertThat(condition(Map.of()).holds()).isTrue();
		}

		@Test
		void holdsOnALowBatteryWhenMainsPowerIsOnline() throws IOException {
			battery("12", "Not charging");
			attribute(sysfs.resolve("AC"), "type", "Mains");
			attribute(sysfs.resolve("AC"), "online", "1");

			assertThat(condition(Map.of()).holds()).isTrue();
		}

		@Test
		void holdsWithoutABattery() {
			assertThat(condition(Map.of()).holds()).isTrue();
		}

		@Test
		void theConfiguredChargeOverridesTheBattery() throws IOException {
			battery("90", "Discharging");

			assertThat(condition(Map.of("overridePercent", "5")).holds()).isFalse();
			assertThat(condition(Map.of("overridePercent", "5", "overrideCharging", "true")).holds()).isTrue();
		}

		@Test
		void aChargeOverrideThatIsNoPercentageIsRefusedAndTheBatteryIsRead() throws IOException {
			battery("12", "Discharging");

			BatteryCondition condition = condition(Map.of("overridePercent", "full"));

			assertThat(condition.holds()).isFalse();
			assertThat(logged).containsExactly("error: battery condition: overridePercent \"full\" is not a whole"
					+ " number from 0 to 100; it keeps reading the battery");
		}

		@Test
		void aChangeToAChargeOverrideBeyondAHundredKeepsThePreviousOverride() throws IOException {
			battery("90", "Discharging");
			BatteryCondition condition = condition(Map.of("overridePercent", "5"));

			condition.modified(settings(Map.of("overridePercent", "150")));

			assertThat(condition.holds()).isFalse();
			assertThat(logged).singleElement().asString().endsWith("it keeps the override 5");
		}

		@Test
		void aChangeToAChargingOverrideOtherThanTrueOrFalseKeepsThePreviousOverride() throws IOException {
			battery("12", "Discharging");
			BatteryCondition condition = condition(Map.of("overrideCharging", "true"));

			condition.modified(settings(Map.of("overrideCharging", "yes")));

			assertThat(condition.holds()).isTrue();
			assertThat(logged).containsExactly("error: battery condition: overrideCharging \"yes\" is neither true,"
					+ " false nor empty; it keeps the override true");
		}
	}

	@Nested
	class StorageHealth {
		private final CameraPhotoStore library = (CameraPhotoStore) Proxy.newProxyInstance(
				CameraPhotoStore.class.getClassLoader(), new Class<?>[] { CameraPhotoStore.class },
				(proxy, method, args) -> null);

		@Test
		void doesNotHoldWithoutTheLibrary() {
			StorageHealthCondition condition = new StorageHealthCondition(sysfs,
					config(StorageHealthCondition.Config.class, Map.of("minFreeMegabytes", 0L)));

			assertThat(condition.holds()).isFalse();
		}

		@Test
		void holdsWithTheLibraryAndRoomOnDisk() {
			StorageHealthCondition condition = new StorageHealthCondition(sysfs,
					config(StorageHealthCondition.Config.class, Map.of("minFreeMegabytes", 0L)));
			condition.library = library;

			assertThat(condition.holds()).isTrue();
		}

		@Test
		void doesNotHoldWhenTheDiskIsNearlyFull() {
			StorageHealthCondition condition = new StorageHealthCondition(sysfs,
					config(StorageHealthCondition.Config.class, Map.of("minFreeMegabytes", Long.MAX_VALUE / (2 << 20))));
			condition.library = library;

			assertThat(condition.holds()).isFalse();
		}

		@Test
		void letsOneJobRunBelowTheFloorWhileThePhotoFits() {
			StorageHealthCondition condition = new StorageHealthCondition(sysfs,
					config(StorageHealthCondition.Config.class, Map.of("minFreeMegabytes", Long.MAX_VALUE / (2 << 20),
							"minFreeForOneJobMegabytes", 0L)));
			condition.library = library;

			assertThat(condition.holds()).isFalse();
			assertThat(condition.letsOneJobRun()).isTrue();
		}

		@Test
		void letsNoJobRunWhenNotEvenThePhotoFits() {
			long huge = Long.MAX_VALUE / (2 << 20);
			StorageHealthCondition condition = new StorageHealthCondition(sysfs, config(
					StorageHealthCondition.Config.class, Map.of("minFreeMegabytes", huge, "minFreeForOneJobMegabytes", huge)));
			condition.library = library;

			assertThat(condition.letsOneJobRun()).isFalse();
		}

		@Test
		void letsNoJobRunWithoutTheLibrary() {
			StorageHealthCondition condition = new StorageHealthCondition(sysfs,
					config(StorageHealthCondition.Config.class, Map.of("minFreeForOneJobMegabytes", 0L)));

			assertThat(condition.letsOneJobRun()).isFalse();
		}
	}
}
