package camera.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

@ExtendWith(BundleContextExtension.class)
class PlatformTest {

	@InjectBundleContext
	BundleContext context;

	@Test
	void everyDarkroomBundleIsActive() {
		List<String> darkroom = List.of("media.library", "camera.api", "camera.deferred", "camera.hal.sim",
				"camera.hal.v4l2", "camera.shell", "camera.bench");
		List<Bundle> bundles = Arrays.stream(context.getBundles())
			.filter(b -> darkroom.contains(b.getSymbolicName()))
			.toList();
		assertThat(bundles).extracting(Bundle::getSymbolicName).containsExactlyInAnyOrderElementsOf(darkroom);
		assertThat(bundles).allSatisfy(b -> assertThat(b.getState()).as(b.getSymbolicName()).isEqualTo(Bundle.ACTIVE));
	}
}
