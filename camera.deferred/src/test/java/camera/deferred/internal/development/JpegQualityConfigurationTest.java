package camera.deferred.internal.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import camera.api.QualityLevel;
import camera.deferred.internal.testing.TestSupport;

class JpegQualityConfigurationTest {
	private final List<String> logged = new ArrayList<>();

	private JpegQualityConfiguration configured(Map<String, Object> values) {
		return new JpegQualityConfiguration(TestSupport.config(JpegQualityConfiguration.Config.class, values),
				TestSupport.recordingLogger(logged));
	}

	@Test
	void theDefaultsAreTheShippedQualities() {
		assertThat(configured(Map.of()).current()).isEqualTo(JpegQualities.DEFAULTS);
	}

	@Test
	void eachQualityLevelHasItsConfiguredQuality() {
		JpegQualities qualities = configured(Map.of("highQuality", 93, "mediumQuality", 81, "lowQuality", 61))
			.current();

		assertThat(qualities.full(QualityLevel.HIGH)).isEqualTo(93);
		assertThat(qualities.full(QualityLevel.MEDIUM)).isEqualTo(81);
		assertThat(qualities.full(QualityLevel.LOW)).isEqualTo(61);
	}

	@Test
	void aChangeAppliesWithoutARestart() {
		JpegQualityConfiguration configuration = configured(Map.of());

		configuration.modified(TestSupport.config(JpegQualityConfiguration.Config.class, Map.of("fastQuality", 72)));

		assertThat(configuration.current().fast()).isEqualTo(72);
	}

	@Test
	void aQualityOutsideOneToHundredIsRefusedAndThePreviousQualitiesStay() {
		JpegQualityConfiguration configuration = configured(Map.of("highQuality", 90));

		configuration.modified(TestSupport.config(JpegQualityConfiguration.Config.class, Map.of("lowQuality", 0)));

		assertThat(configuration.current()).isEqualTo(new JpegQualities(80, 90, 85, 70));
		assertThat(logged).singleElement().asString().contains("refused").contains("low JPEG quality")
			.contains("not 0");
	}

	@Test
	void qualitiesOutsideTheRangeCannotBeMade() {
		assertThatThrownBy(() -> new JpegQualities(80, 101, 85, 70)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("high");
	}
}
