package camera.develop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExifOrientationTest {

	@ParameterizedTest(name = "{0} degrees mirrored={1} is orientation {2}")
	@CsvSource({ "0,false,1", "0,true,2", "90,false,6", "90,true,7", "180,false,3", "180,true,4", "270,false,8",
			"270,true,5" })
	void rotationAndMirrorGiveTheExifOrientation(int degrees, boolean mirror, int orientation) {
		assertThat(ExifData.orientationOf(degrees, mirror)).isEqualTo(orientation);
	}

	@Test
	void anAngleThatIsNotAQuarterTurnIsRefused() {
		assertThatThrownBy(() -> ExifData.orientationOf(45, false)).isInstanceOf(IllegalArgumentException.class);
	}
}
