package camera.api;

import java.time.Instant;

/**
 * A snapshot of one deferred job.
 *
 * @param jobId     its id, also the asset's deferred job id
 * @param assetUri  the URI of its asset, or {@code null} while no asset holds it (proxy not saved yet)
 * @param state     where it is
 * @param priority  its priority
 * @param createdAt when its capture happened
 * @param attempts  how many times development was tried
 * @param error     why it is in ERROR or FAILED, or {@code null}
 */
public record DeferredJob(String jobId, String assetUri, JobState state, JobPriority priority, Instant createdAt,
		int attempts, String error) {
}
