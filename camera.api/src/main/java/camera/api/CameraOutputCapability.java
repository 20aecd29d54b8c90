package camera.api;

import java.util.List;

/**
 * What outputs a camera offers in a scene mode.
 *
 * @param photoProfiles the profiles a {@link PhotoOutput} can be created for, largest first
 */
public record CameraOutputCapability(List<Profile> photoProfiles) {
	public CameraOutputCapability {
		photoProfiles = List.copyOf(photoProfiles);
	}
}
