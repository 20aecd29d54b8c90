package camera.deferred.internal.framework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import camera.api.ImageRotation;

class ExifOrientationTest {

	@ParameterizedTest(name = "{0} mirrored={1} is orientation {2}")
	@CsvSource({ "ROTATION_0,false,1", "ROTATION_0,true,2", "ROTATION_90,false,6", "ROTATION_90,true,7",
			"ROTATION_180,false,3", "ROTATION_180,true,4", "ROTATION_270,false,8", "ROTATION_270,true,5" })
	void rotationAndMirrorGiveTheExifOrientation(ImageRotation rotation, boolean mirror, int orientation) {
		assertThat(ExifOrientation.of(rotation, mirror)).isEqualTo(orientation);
	}
}
