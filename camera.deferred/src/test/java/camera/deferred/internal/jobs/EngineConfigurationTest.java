package camera.deferred.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import camera.deferred.internal.testing.TestSupport;

class EngineConfigurationTest {
	private static DeferredEngineComponent.Config config(Map<String, Object> values) {
		return TestSupport.config(DeferredEngineComponent.Config.class, values);
	}

	@Test
	void theDefaultsMakeWorkingSettings() {
		EngineSettings settings = DeferredEngineComponent.settings(ConfigurationDefaults.of(
				DeferredEngineComponent.Config.class));

		assertThat(settings.spoolBudgetBytes()).isEqualTo(2048L * 1024 * 1024);
		assertThat(settings.jobTimeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.workers()).isPositive();
	}

	@Test
	void aNegativeJobTimeoutIsRefusedNamingTheAttribute() {
		assertThatThrownBy(() -> DeferredEngineComponent.settings(config(Map.of("jobTimeoutSeconds", -1L))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("jobTimeoutSeconds is -1, below its least value 1");
	}

	@Test
	void everyValueOutOfRangeIsNamedAtOnce() {
		assertThatThrownBy(() -> DeferredEngineComponent.settings(
				config(Map.of("spoolBudgetMegabytes", -5L, "maxAttempts", 0, "recheckMillis", 1L))))
			.hasMessageContaining("spoolBudgetMegabytes is -5")
			.hasMessageContaining("maxAttempts is 0")
			.hasMessageContaining("recheckMillis is 1");
	}

	@Test
	void valuesInRangeAreTakenAsTheyAre() {
		EngineSettings settings = DeferredEngineComponent.settings(
				config(Map.of("maxAttempts", 5, "retryDelayMillis", 0L, "recheckMillis", 10L)));

		assertThat(settings.maxAttempts()).isEqualTo(5);
		assertThat(settings.retryDelay()).isZero();
		assertThat(settings.recheckInterval()).isEqualTo(Duration.ofMillis(10));
	}

	@Test
	void theSpoolLeavesSixtyFourMegabytesFreeByDefaultAndANegativeFloorIsRefused() {
		assertThat(DeferredEngineComponent.settings(config(Map.of())).spoolFreeFloorBytes()).isEqualTo(64L << 20);
		assertThatThrownBy(() -> DeferredEngineComponent.settings(config(Map.of("spoolLeavesFreeMegabytes", -1L))))
			.hasMessage("spoolLeavesFreeMegabytes is -1, below its least value 0");
	}
}
