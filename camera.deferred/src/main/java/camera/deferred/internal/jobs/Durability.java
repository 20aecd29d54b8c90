package camera.deferred.internal.jobs;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a delivered photo survives before its raw frames reach the disk: the engine's {@code durability} setting. */
public enum Durability {
	/**
	 * The frames are written to the spool (the kernel holds them) before the photo is delivered, and synced in the
	 * background, batched across photos: a crash of the process loses nothing; a power loss may cost the last
	 * photos their enhancement, never the photos.
	 */
	PROCESS,
	/** The frames are synced before the photo is delivered: slower captures that survive a power loss whole. */
	POWER;

	/** @return the value the configuration spells, e.g. {@code process} */
	public String configValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** @throws IllegalArgumentException naming the values allowed */
	public static Durability ofConfig(String value) {
		for (Durability durability : values()) {
			if (durability.configValue().equals(value == null ? "" : value.strip().toLowerCase(Locale.ROOT))) {
				return durability;
			}
		}
		throw new IllegalArgumentException("durability is " + value + ", not one of "
				+ Arrays.stream(values()).map(Durability::configValue).collect(Collectors.joining(", ")));
	}
}
