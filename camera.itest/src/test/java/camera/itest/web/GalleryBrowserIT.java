package camera.itest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
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
	@InjectService(timeout = 20_000)
	ConfigurationAdmin configurations;

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

		browser.open(gallery.base + "/photo.html?id=" + id);
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

	/** Calls back with the photo page's images once it shows FAST and FULL side by side, both loaded. */
	static final String AWAIT_SIDE_BY_SIDE = """
			const done = arguments[0];
			const loaded = (img) => img.complete && img.naturalWidth > 0;
			const check = () => {
			  const fast = document.getElementById("fast"), full = document.getElementById("full");
			  const captioned = (id) => document.getElementById(id).textContent.includes(" · ");
			  if (document.body.dataset.compare !== "true" || !loaded(fast) || !loaded(full)) return false;
			  if (!captioned("fast-caption") || !captioned("full-caption")) return false; // set by each image's load
			  observer.disconnect();
			  done({ fast: document.getElementById("fast-caption").textContent, full: document.getElementById("full-caption").textContent,
			    fastWidth: fast.naturalWidth, fullWidth: full.naturalWidth, badge: document.getElementById("badge").textContent,
			    shown: !document.getElementById("compare").hidden && document.getElementById("image").hidden });
			  return true;
			};
			const observer = new MutationObserver(check);
			if (!check()) {
			  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
			  document.querySelectorAll("#compare img").forEach((i) => i.addEventListener("load", check));
			}
			""";

	@Test
	void thePhotoPageShowsTheFastImageItLoadedBesideFullOnceTheLibraryHasReplacedIt() throws Exception {
		deferred.pause();
		Gallery.Reply captured = gallery.post("/api/captures", "{\"count\":1,\"size\":\"640x480\"}");
		assertThat(captured.status()).as(captured.text()).isEqualTo(201);
		long id = captured.json().getAsJsonArray("captures").get(0).getAsJsonObject().getAsJsonObject("asset").get("id")
			.getAsLong();

		browser.open(gallery.base + "/photo.html?id=" + id);
		browser.await(AWAIT_LIVE);
		browser.await(AWAIT_LOADED);
		assertThat(browser.run("return document.getElementById('badge').textContent;").getAsString()).isEqualTo("FAST");
		assertThat(browser.run("return document.getElementById('compare').hidden;").getAsBoolean())
			.as("only one image exists while the job waits").isTrue();
		browser.run("window.notReloaded = true;");

		deferred.resume();
		assertThat(deferred.drain(WAIT)).isTrue();

		JsonObject shown = browser.await(AWAIT_SIDE_BY_SIDE).getAsJsonObject();
		assertThat(shown.get("shown").getAsBoolean()).isTrue();
		assertThat(shown.get("badge").getAsString()).isEqualTo("FULL");
		assertThat(shown.get("fast").getAsString()).startsWith("FAST · ");
		assertThat(shown.get("full").getAsString()).startsWith("FULL · ");
		assertThat(shown.get("fastWidth").getAsInt()).isPositive();
		assertThat(shown.get("fullWidth").getAsInt()).isPositive();
		assertThat(browser.run("return window.notReloaded === true;").getAsBoolean()).as("the page was not reloaded")
			.isTrue();
		browser.screenshot(screenshots().resolve("photo-fast-beside-full.png"));

		browser.open(gallery.base + "/photo.html?id=" + id);
		browser.await(AWAIT_LOADED);
		assertThat(browser.run("return document.getElementById('compare').hidden;").getAsBoolean())
			.as("after a reload only FULL exists").isTrue();
	}

	/** Signs in on the login page: types the token and clicks Sign in. */
	static final String SIGN_IN = """
			document.getElementById("token").value = arguments[0];
			document.getElementById("signin").click();
			""";

	/** Calls back with the login page's error once it shows one. */
	static final String AWAIT_LOGIN_ERROR = """
			const done = arguments[0];
			const error = document.getElementById("error");
			const check = () => { if (error.textContent) { observer.disconnect(); done(error.textContent); return true; } return false; };
			const observer = new MutationObserver(check);
			if (!check()) observer.observe(error, { childList: true, characterData: true, subtree: true });
			""";

	@Test
	void aPersonSignsInToAGalleryWithATokenAndTheBrowserKeepsOnlyAnHttpOnlyCookie() throws Exception {
		Configuration config = configurations.getConfiguration("camera.web", "?");
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put("token", "browser-s3cret");
		config.update(properties);
		try {
			awaitApiStatus(401);
			browser.open(gallery.base + "/queue.html");
			browser.await(AWAIT_LOADED);
			assertThat(browser.run("return location.pathname;").getAsString()).isEqualTo("/login.html");
			browser.screenshot(screenshots().resolve("login.png"));

			browser.run(SIGN_IN, "wrong");
			assertThat(browser.await(AWAIT_LOGIN_ERROR).getAsString()).contains("not the token");

			browser.run(SIGN_IN, "browser-s3cret");
			awaitPage("/queue.html");
			browser.await(AWAIT_LOADED);
			browser.await(AWAIT_LIVE);
			assertThat(browser.run("return document.querySelectorAll('#conditions tr').length;").getAsInt())
				.isEqualTo(deferred.stats().conditions().size());
			assertThat(browser.run("return document.cookie;").getAsString()).doesNotContain("darkroom-session");
			assertThat(browser.await(CLICK_AND_AWAIT_STATE, "pause", "paused").getAsString()).isEqualTo("paused");
			assertThat(deferred.stats().paused()).isTrue();
		} finally {
			config.delete();
			awaitApiStatus(200);
		}
	}

	/** Waits, by asking the browser, until it shows that page: a navigation has no event a script outlives. */
	private void awaitPage(String path) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		String at;
		do {
			try {
				at = browser.run("return location.pathname + (document.body.dataset.loaded ? ' loaded' : '');")
					.getAsString();
			} catch (AssertionError navigating) {
				at = "a page that is unloading: " + navigating.getMessage();
			}
			if (at.equals(path + " loaded")) {
				return;
			}
			Thread.onSpinWait();
		} while (System.nanoTime() < deadline);
		throw new AssertionError("the browser shows " + at + ", not " + path + ", after " + WAIT);
	}

	/** ConfigAdmin applies a configuration asynchronously: the API's answers are the signal. */
	private void awaitApiStatus(int status) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		int last;
		do {
			last = gallery.get("/api/cameras").status();
			if (last == status) {
				return;
			}
			Thread.onSpinWait();
		} while (System.nanoTime() < deadline);
		throw new AssertionError("/api/cameras answered " + last + ", not " + status + ", within " + WAIT);
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
