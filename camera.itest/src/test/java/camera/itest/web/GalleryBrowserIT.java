package camera.itest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.google.gson.JsonObject;

import camera.api.DeferredProcessing;

/**
 * The gallery in a real headless Chromium: a photo appears as a thumbnail with its FAST badge, and the badge
 * turns FULL without a reload when the queue drains. Skipped only where Chromium is not installed.
 */
@ExtendWith({ BundleContextExtension.class, ServiceExtension.class })
class GalleryBrowserIT {
	static final Duration WAIT = Duration.ofSeconds(90);

	/** Calls back with the badge's text once the card of that asset shows the wanted quality. */
	static final String AWAIT_BADGE = """
			const [id, quality, done] = arguments;
			const badge = () => document.querySelector(".card[data-id='" + id + "'] .badge");
			const check = () => {
			  const b = badge();
			  if (b && b.dataset.quality === quality) { observer.disconnect(); done(b.textContent); return true; }
			  return false;
			};
			const observer = new MutationObserver(check);
			if (!check()) observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
			""";

	/** Calls back with the thumbnail's width once the image of that asset's card has loaded. */
	static final String AWAIT_THUMBNAIL = """
			const [id, done] = arguments;
			const img = () => document.querySelector(".card[data-id='" + id + "'] img");
			const check = () => {
			  const i = img();
			  if (!i) return false;
			  observer.disconnect();
			  if (i.complete && i.naturalWidth > 0) { done(i.naturalWidth); }
			  else { i.addEventListener("load", () => done(i.naturalWidth)); i.addEventListener("error", () => done(0)); }
			  return true;
			};
			const observer = new MutationObserver(check);
			if (!check()) observer.observe(document.body, { subtree: true, childList: true });
			""";

	/** Calls back once the page's event stream is connected. */
	static final String AWAIT_LIVE = """
			const done = arguments[0];
			const check = () => { if (document.body.dataset.live === "true") { observer.disconnect(); done(true); return true; } return false; };
			const observer = new MutationObserver(check);
			if (!check()) observer.observe(document.body, { attributes: true });
			""";

	@InjectBundleContext
	BundleContext context;
	@InjectService(timeout = 20_000)
	DeferredProcessing deferred;

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

	Path screenshots() {
		String data = context.getProperty("darkroom.data");
		return Path.of(data == null ? "target" : data).resolveSibling("screenshots");
	}

	@Test
	void aThumbnailTurnsFromFastToFullWithoutAReloadAndItsPhotoPageTrashesAndRestoresIt() throws Exception {
		deferred.pause();
		Gallery.Reply captured = gallery.post("/api/captures", "{\"count\":1,\"size\":\"640x480\"}");
		assertThat(captured.status()).as(captured.text()).isEqualTo(201);
		JsonObject asset = captured.json().getAsJsonArray("captures").get(0).getAsJsonObject().getAsJsonObject("asset");
		long id = asset.get("id").getAsLong();

		browser.open(gallery.base + "/");
		browser.await(AWAIT_LIVE);
		assertThat(browser.await(AWAIT_BADGE, id, "FAST").getAsString()).isEqualTo("FAST");
		assertThat(browser.await(AWAIT_THUMBNAIL, id).getAsInt()).isPositive();
		browser.screenshot(screenshots().resolve("gallery-fast.png"));
		browser.run("window.notReloaded = true;");

		deferred.resume();
		assertThat(deferred.drain(WAIT)).isTrue();

		assertThat(browser.await(AWAIT_BADGE, id, "FULL").getAsString()).isEqualTo("FULL");
		assertThat(browser.run("return window.notReloaded === true;").getAsBoolean()).as("the page was not reloaded")
			.isTrue();
		assertThat(browser.await(AWAIT_THUMBNAIL, id).getAsInt()).isPositive();
		browser.screenshot(screenshots().resolve("gallery-full.png"));

		browser.open(gallery.base + "/photo.html?a=" + java.net.URLEncoder.encode(asset.get("href").getAsString(),
				java.nio.charset.StandardCharsets.UTF_8));
		String quality = browser.await("""
				const done = arguments[0];
				const check = () => { if (document.body.dataset.loaded) { observer.disconnect(); done(document.getElementById("badge").textContent); return true; } return false; };
				const observer = new MutationObserver(check);
				if (!check()) observer.observe(document.body, { attributes: true });
				""").getAsString();
		assertThat(quality).isEqualTo("FULL");
		browser.screenshot(screenshots().resolve("photo.png"));

		String href = asset.get("href").getAsString();
		browser.await(CLICK_AND_AWAIT_SHOWN, "trash", "restore");
		assertThat(gallery.get(href).json().get("trashed").getAsBoolean()).isTrue();
		browser.await(CLICK_AND_AWAIT_SHOWN, "restore", "trash");
		assertThat(gallery.get(href).json().get("trashed").getAsBoolean()).isFalse();
	}

	/** Clicks one button of the photo page and calls back once another one is shown. */
	static final String CLICK_AND_AWAIT_SHOWN = """
			const [click, shown, done] = arguments;
			const target = document.getElementById(shown);
			const check = () => { if (!target.hidden) { observer.disconnect(); done(true); return true; } return false; };
			const observer = new MutationObserver(check);
			observer.observe(target, { attributes: true });
			document.getElementById(click).click();
			""";

	/** Calls back once the page has loaded what it shows. */
	static final String AWAIT_LOADED = """
			const done = arguments[0];
			const check = () => { if (document.body.dataset.loaded) { observer.disconnect(); done(true); return true; } return false; };
			const observer = new MutationObserver(check);
			if (!check()) observer.observe(document.body, { attributes: true });
			""";

	/** Clicks Capture and calls back with the new shot's asset id, badge and latency once its card is shown. */
	static final String CAPTURE_ONE = """
			const done = arguments[0];
			const shots = document.getElementById("shots");
			const observer = new MutationObserver(() => {
			  const card = shots.querySelector(".card");
			  if (card) { observer.disconnect(); done({ id: card.dataset.id, badge: card.querySelector(".badge").textContent, latency: card.dataset.latency }); }
			});
			observer.observe(shots, { childList: true });
			document.getElementById("count").value = "1";
			document.getElementById("shoot").click();
			""";

	@Test
	void theCapturePageShowsEachFastAssetAsItArrivesWithItsLatency() throws Exception {
		deferred.pause();
		browser.open(gallery.base + "/capture.html");
		browser.await(AWAIT_LOADED);
		browser.await(AWAIT_LIVE);

		JsonObject shot = browser.await(CAPTURE_ONE).getAsJsonObject();

		assertThat(shot.get("badge").getAsString()).isEqualTo("FAST");
		assertThat(shot.get("latency").getAsLong()).isNotNegative();
		long id = shot.get("id").getAsLong();
		assertThat(browser.await(AWAIT_THUMBNAIL, id).getAsInt()).isPositive();
		browser.screenshot(screenshots().resolve("capture.png"));

		deferred.resume();
		assertThat(deferred.drain(WAIT)).isTrue();
		assertThat(browser.await(AWAIT_BADGE, id, "FULL").getAsString()).isEqualTo("FULL");
	}

	/** Clicks a button and calls back with the state line once it reads as wanted. */
	static final String CLICK_AND_AWAIT_STATE = """
			const [click, wanted, done] = arguments;
			const state = document.getElementById("state");
			const check = () => { if (state.textContent === wanted) { observer.disconnect(); done(state.textContent); return true; } return false; };
			const observer = new MutationObserver(check);
			observer.observe(state, { childList: true, characterData: true, subtree: true });
			document.getElementById(click).click();
			""";

	@Test
	void theQueuePageShowsTheConditionsAndPausesAndResumesTheEngine() throws Exception {
		browser.open(gallery.base + "/queue.html");
		browser.await(AWAIT_LOADED);

		assertThat(browser.run("return document.querySelectorAll('#conditions tr').length;").getAsInt())
			.isEqualTo(deferred.stats().conditions().size());
		assertThat(browser.await(CLICK_AND_AWAIT_STATE, "pause", "paused").getAsString()).isEqualTo("paused");
		assertThat(deferred.stats().paused()).isTrue();
		browser.screenshot(screenshots().resolve("queue.png"));
		assertThat(browser.await(CLICK_AND_AWAIT_STATE, "resume", "running").getAsString()).isEqualTo("running");
		assertThat(deferred.stats().paused()).isFalse();
	}
}
