package camera.itest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import camera.api.DeferredProcessing;
import media.library.PhotoAccessHelper;
import media.library.PhotoAsset;

/**
 * A 30-shot burst with the gallery open in Chromium: every badge turns FULL live, and the time from FULL in the
 * library (the asset's {@code dateModified}, set when the library commits the FULL image) to the badge changing
 * in the browser ({@code Date.now()} when the page's badge changed; both clocks are this machine's) is written to
 * {@code camera.itest/target/benchmarks/badge-latency.txt} for BENCHMARKS.md. No time is asserted.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class BadgeLatencyIT {
	static final int SHOTS = 30;
	static final Duration WAIT = Duration.ofSeconds(180);

	/** Records, per asset id, when its card's badge first showed FULL. */
	static final String RECORD_FULL_BADGES = """
			window.fullAt = {};
			const record = () => {
			  for (const b of document.querySelectorAll(".card .badge")) {
			    const id = b.closest(".card").dataset.id;
			    if (b.dataset.quality === "FULL" && !(id in window.fullAt)) window.fullAt[id] = Date.now();
			  }
			};
			new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
			record();
			""";

	/** Calls back once every one of these ids has a card with that quality. */
	static final String AWAIT_CARDS = """
			const [ids, quality, done] = arguments;
			const check = () => {
			  const all = ids.every((id) => { const b = document.querySelector(".card[data-id='" + id + "'] .badge"); return b && b.dataset.quality === quality; });
			  if (all) { observer.disconnect(); done(true); }
			  return all;
			};
			const observer = new MutationObserver(check);
			if (!check()) observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
			""";

	/** Calls back with the recorded times once every id has one. */
	static final String AWAIT_FULL_TIMES = """
			const [ids, done] = arguments;
			const check = () => { if (ids.every((id) => String(id) in window.fullAt)) { done(window.fullAt); return true; } return false; };
			if (!check()) { const timer = setInterval(() => { if (check()) clearInterval(timer); }, 5); }
			""";

	@InjectBundleContext
	BundleContext context;
	@InjectService(timeout = 20_000)
	DeferredProcessing deferred;
	@InjectService(timeout = 20_000)
	PhotoAccessHelper library;

	Gallery gallery;
	WebDriver browser;

	@BeforeEach
	void openBrowser() throws Exception {
		assumeTrue(WebDriver.installed(), "Chromium is not installed (" + WebDriver.CHROMIUM + ", "
				+ WebDriver.CHROMEDRIVER + "): apt-get install chromium chromium-driver");
		gallery = Gallery.await(context);
		browser = new WebDriver(WAIT);
	}

	@AfterEach
	void closeBrowser() throws Exception {
		deferred.resume();
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void everyBadgeOfAThirtyShotBurstTurnsFullLiveAndTheLatencyIsReported() throws Exception {
		browser.open(gallery.base + "/");
		browser.await(GalleryBrowserIT.AWAIT_LIVE);
		deferred.pause(); // the burst first, then phase 2 for all of it, as a person shooting and waiting would see
		Gallery.Reply reply = gallery.post("/api/captures", "{\"count\":" + SHOTS + ",\"size\":\"640x480\"}");
		assertThat(reply.status()).as(reply.text()).isEqualTo(201);
		List<Long> ids = new ArrayList<>();
		for (JsonElement capture : reply.json().getAsJsonArray("captures")) {
			ids.add(capture.getAsJsonObject().getAsJsonObject("asset").get("id").getAsLong());
		}
		browser.await(AWAIT_CARDS, ids, "FAST");
		browser.run(RECORD_FULL_BADGES);

		long resumed = System.currentTimeMillis();
		deferred.resume();
		// drained regardless of machine pressure: on a busy machine the CPU condition would hold the jobs back
		assertThat(deferred.drain(WAIT)).isTrue();
		JsonObject fullAt = browser.await(AWAIT_FULL_TIMES, ids).getAsJsonObject();
		long allFull = System.currentTimeMillis();

		List<Long> latencies = new ArrayList<>();
		for (long id : ids) {
			PhotoAsset asset = library.getAssetById(id).orElseThrow();
			assertThat(asset.quality().name()).isEqualTo("FULL");
			latencies.add(fullAt.get(Long.toString(id)).getAsLong() - asset.dateModified().toEpochMilli());
		}
		assertThat(latencies).hasSize(SHOTS);
		report(latencies, allFull - resumed);
	}

	private void report(List<Long> latencies, long drainMs) throws Exception {
		List<Long> sorted = latencies.stream().sorted().toList();
		String text = String.join("\n",
				"badge.shots=" + sorted.size(),
				"badge.size=640x480",
				"badge.latency_ms.p50=" + percentile(sorted, 50),
				"badge.latency_ms.p90=" + percentile(sorted, 90),
				"badge.latency_ms.max=" + sorted.getLast(),
				"badge.latency_ms.min=" + sorted.getFirst(),
				"badge.latency_ms.mean=" + String.format(Locale.ROOT, "%.1f",
						sorted.stream().mapToLong(Long::longValue).average().orElse(0)),
				"badge.resume_to_all_full_ms=" + drainMs, "");
		String data = context.getProperty("darkroom.data");
		Path file = Path.of(data == null ? "target" : data).resolveSibling("benchmarks").resolve("badge-latency.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
		System.out.print(text);
	}

	private static long percentile(List<Long> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}
}
