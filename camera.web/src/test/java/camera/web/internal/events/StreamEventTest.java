package camera.web.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import media.library.MediaLibraryEvents;

class StreamEventTest {

	@Nested
	class LibraryEvents {
		@Test
		void aQualityChangeBecomesAQualityEventWithTheAssetsAddress() {
			Event event = new Event(MediaLibraryEvents.TOPIC_QUALITY_CHANGED,
					Map.of(MediaLibraryEvents.ASSET_ID, 7L, MediaLibraryEvents.ASSET_URI,
							"file://media/Photo/7/IMG_7.jpg", MediaLibraryEvents.QUALITY, "FULL"));

			StreamEvent stream = StreamEvent.of(event).orElseThrow();

			assertThat(stream.type()).isEqualTo("quality");
			assertThat(stream.quality()).isEqualTo("FULL");
			assertThat(stream.href()).isEqualTo("/api/assets/7");
		}

		@Test
		void isWrittenAsOneServerSentEvent() {
			Event event = new Event(MediaLibraryEvents.TOPIC_SAVED,
					Map.of(MediaLibraryEvents.ASSET_ID, 7L, MediaLibraryEvents.ASSET_URI, "file://media/Photo/7/IMG_7.jpg"));

			assertThat(StreamEvent.of(event).orElseThrow().wire()).startsWith("event: saved\ndata: {\"type\":\"saved\"")
				.endsWith("}\n\n")
				.containsOnlyOnce("\ndata: ");
		}
	}

	@Nested
	class JobEvents {
		@Test
		void aJobTransitionNamesItsStateJobAndAsset() {
			Event event = new Event("camera/deferred/job/RUNNING",
					Map.of("job.id", "j1", "asset.uri", "file://media/Photo/3/IMG_3.jpg"));

			StreamEvent stream = StreamEvent.of(event).orElseThrow();

			assertThat(stream.type()).isEqualTo("job");
			assertThat(stream.state()).isEqualTo("RUNNING");
			assertThat(stream.jobId()).isEqualTo("j1");
			assertThat(stream.assetId()).isEqualTo(3L);
			assertThat(stream.href()).isEqualTo("/api/assets/3");
		}

		@Test
		void aJobWithoutAssetYetHasNoAddress() {
			StreamEvent stream = StreamEvent.of(new Event("camera/deferred/job/PENDING", Map.of("job.id", "j2")))
				.orElseThrow();

			assertThat(stream.href()).isNull();
			assertThat(stream.assetId()).isNull();
		}
	}

	@Test
	void anotherTopicIsNotStreamed() {
		assertThat(StreamEvent.of(new Event("some/other/TOPIC", Map.of()))).isEmpty();
	}
}
