package camera.web.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GalleryAnnouncementTest {

	@Test
	void theLineNamesEveryAddressTheGalleryIsServedAt() {
		assertThat(GalleryAnnouncement.line(List.of("http://127.0.0.1:8080/", "http://[::1]:8080/")))
			.isEqualTo("Web gallery: http://127.0.0.1:8080/ http://[::1]:8080/");
	}
}
