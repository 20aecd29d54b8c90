package camera.api.hal;

import java.util.List;
import java.util.Set;

import camera.api.DeferredDeliveryImageType;

/**
 * What a camera can do.
 *
 * @param profiles      the frame sizes and formats it captures, largest first
 * @param maxBurst      how many frames one capture can deliver (1 when it cannot burst)
 * @param deferredTypes the image types whose delivery it supports deferring
 */
public record HalCapabilities(List<HalProfile> profiles, int maxBurst, Set<DeferredDeliveryImageType> deferredTypes) {
	public HalCapabilities {
		profiles = List.copyOf(profiles);
		deferredTypes = Set.copyOf(deferredTypes);
		if (maxBurst < 1) {
			throw new IllegalArgumentException("maxBurst must be at least 1");
		}
	}
}
