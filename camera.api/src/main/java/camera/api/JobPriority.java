package camera.api;

/** The priority of a deferred job: HIGH runs first and ignores machine pressure. */
public enum JobPriority {
	HIGH, NORMAL, LOW
}
