// The Darkroom gallery: plain JavaScript over the JSON API (/api/openapi.json) and its event stream.
"use strict";

const PAGE_SIZE = 48;
const $ = (id) => document.getElementById(id);

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children) node.append(child);
  return node;
}

function showError(message) { $("error").textContent = message || ""; }

function signIn() { location.href = "/login.html?next=" + encodeURIComponent(location.pathname + location.search); }

async function api(path, options) {
  const response = await fetch(path, Object.assign({ headers: { "Content-Type": "application/json" } }, options));
  if (response.status === 401) { signIn(); throw new Error("sign in first"); }
  if (response.status === 204) return null;
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || body.error);
  return body;
}

function badge(node, quality) {
  node.textContent = quality;
  node.className = "badge " + quality;
  node.dataset.quality = quality;
}

// Live updates: one EventSource per page; listeners by event type. On every (re)connect the page reloads
// what it shows, so nothing that happened while the stream was down is missed.
const live = { listeners: {}, reconnect: [] };
function on(type, handler) { (live.listeners[type] = live.listeners[type] || []).push(handler); }
function onConnect(handler) { live.reconnect.push(handler); }
function connect() {
  const source = new EventSource("/api/events");
  for (const type of ["saved", "quality", "deleted", "job"]) {
    source.addEventListener(type, (e) => (live.listeners[type] || []).forEach((h) => h(JSON.parse(e.data))));
  }
  source.addEventListener("ready", () => {
    $("live").textContent = "● live";
    $("live").className = "ok";
    document.body.dataset.live = "true";
    live.reconnect.forEach((h) => h());
  });
  source.onerror = () => { $("live").textContent = "○ reconnecting"; $("live").className = "empty"; document.body.dataset.live = "false"; };
}

function thumbnailCard(asset) {
  const img = el("img", { alt: asset.name, loading: "lazy", src: asset.thumbnail + "?v=" + encodeURIComponent(asset.version) });
  const b = el("span");
  badge(b, asset.quality);
  const card = el("a", { className: "card", href: "photo.html?id=" + encodeURIComponent(asset.id) }, img, b,
    el("div", { className: "name", textContent: asset.name }));
  card.dataset.id = asset.id;
  card.dataset.href = asset.href;
  return card;
}

async function refreshCard(card) {
  const asset = await api(card.dataset.href);
  badge(card.querySelector(".badge"), asset.quality);
  card.querySelector("img").src = asset.thumbnail + "?v=" + encodeURIComponent(asset.version);
}

function liveBadges(container) {
  on("quality", (e) => {
    for (const card of container.querySelectorAll(".card[data-id='" + e.assetId + "']")) {
      badge(card.querySelector(".badge"), e.quality);
      refreshCard(card).catch((err) => showError(err.message));
    }
  });
  on("deleted", (e) => container.querySelectorAll(".card[data-id='" + e.assetId + "']").forEach((c) => c.remove()));
}

// --- the gallery -----------------------------------------------------------------------------------------------
function gallery() {
  const params = new URLSearchParams(location.search);
  let offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  $("quality").value = params.get("quality") || "";
  $("trashed").checked = params.get("trashed") === "true";
  let next = null;

  async function load() {
    const query = new URLSearchParams({ offset, limit: PAGE_SIZE });
    if ($("quality").value) query.set("quality", $("quality").value);
    if ($("trashed").checked) query.set("trashed", "true");
    history.replaceState(null, "", "?" + query);
    try {
      const page = await api("/api/assets?" + query);
      $("grid").replaceChildren(...page.assets.map(thumbnailCard));
      next = page.next;
      $("nothing").hidden = page.assets.length > 0;
      $("range").textContent = page.assets.length ? (offset + 1) + "–" + (offset + page.assets.length) : "";
      $("prev").disabled = offset === 0;
      $("next").disabled = next == null;
      document.body.dataset.loaded = "true";
      showError("");
    } catch (err) { showError(err.message); }
  }
  $("quality").onchange = $("trashed").onchange = () => { offset = 0; load(); };
  $("prev").onclick = () => { offset = Math.max(0, offset - PAGE_SIZE); load(); };
  $("next").onclick = () => { if (next != null) { offset = next; load(); } };
  liveBadges($("grid"));
  on("saved", () => { if (offset === 0 && !$("trashed").checked) load(); });
  onConnect(load);
  load();
}

// --- one photo -------------------------------------------------------------------------------------------------
function photo() {
  const id = new URLSearchParams(location.search).get("id") || "";
  if (!id) { showError("no photo given: open one from the gallery"); return; }
  const href = "/api/assets/" + encodeURIComponent(id);
  const rows = (asset) => [
    ["name", asset.name], ["uri", asset.uri], ["quality", asset.quality], ["size", asset.width + "×" + asset.height],
    ["file size", asset.size + " bytes"], ["taken", asset.dateTaken || "—"], ["added", asset.dateAdded],
    ["modified", asset.dateModified], ["job", asset.jobId || "none pending"], ["trashed", asset.trashed ? "yes" : "no"],
    ...exifRows(asset.exif), ...(asset.jobTimeline || []).map((step) =>
      ["job " + step.state.toLowerCase(), step.at + (step.error ? " — " + step.error : "")])];
  const exifRows = (exif) => !exif ? [] : [
    ["camera", [exif.make, exif.model].filter(Boolean).join(" ") || "—"],
    ["exposure", [exif.exposureTime && exif.exposureTime + " s", exif.fNumber && "f/" + exif.fNumber,
      exif.iso && "ISO " + exif.iso, exif.focalLength && exif.focalLength + " mm"].filter(Boolean).join(" · ") || "—"],
    ["taken (EXIF)", (exif.dateTaken || "—") + (exif.offset ? " " + exif.offset : "")],
    ["orientation", exif.orientation || "—"], ["location", exif.hasLocation ? "yes" : "no"]];

  // The library keeps one image per photo: FULL replaces FAST in place. The FAST image this page downloaded is
  // kept here, so that once FULL arrives the two can be compared side by side; after a reload only FULL is left.
  let kept = null;
  const caption = (node, label, img, bytes) => {
    const show = () => { node.textContent = label + " · " + img.naturalWidth + "×" + img.naturalHeight + " · " + Math.round(bytes / 1024) + " KiB"; };
    if (img.complete && img.naturalWidth) show(); else img.onload = show;
  };
  async function fetchImage(url) {
    const response = await fetch(url);
    if (response.status === 401) { signIn(); throw new Error("sign in first"); }
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).message || "the image did not load");
    const blob = await response.blob();
    return { url: URL.createObjectURL(blob), bytes: blob.size, quality: response.headers.get("X-Asset-Quality") };
  }
  async function showImage(asset) {
    const image = await fetchImage(asset.image + "?v=" + encodeURIComponent(asset.version));
    if (image.quality === "FAST") {
      if (kept) URL.revokeObjectURL(kept.url);
      kept = image;
    }
    const compare = image.quality === "FULL" && kept !== null;
    $("image").hidden = compare;
    $("compare").hidden = !compare;
    document.body.dataset.compare = String(compare);
    if (compare) {
      $("fast").src = kept.url;
      $("full").src = image.url;
      caption($("fast-caption"), "FAST", $("fast"), kept.bytes);
      caption($("full-caption"), "FULL", $("full"), image.bytes);
      $("note").textContent = "FAST is the copy this page loaded before the library replaced it with FULL; "
        + "the library keeps only FULL, so after a reload only FULL is shown.";
    } else {
      $("image").src = image.url;
      $("note").textContent = image.quality === "FAST" && asset.jobId
        ? "FULL is being developed (job " + asset.jobId + "): it replaces this image in place, and this page then shows the two side by side."
        : "";
    }
  }

  async function load() {
    try {
      const asset = await api(href);
      $("title").textContent = asset.name;
      badge($("badge"), asset.quality);
      await showImage(asset);
      $("download").href = asset.image;
      $("download").download = asset.name;
      $("details").replaceChildren(...rows(asset).map(([k, v]) => el("tr", {}, el("th", { textContent: k }), el("td", { textContent: v }))));
      $("trash").hidden = asset.trashed;
      $("restore").hidden = !asset.trashed;
      $("request").disabled = asset.quality === "FULL";
      document.body.dataset.loaded = "true";
      showError("");
    } catch (err) { showError(err.message); }
  }
  const act = (path, method) => async () => {
    try {
      await api(href + path, { method: method || "POST" });
      if (method === "DELETE") { location.href = "/"; return; }
      load();
    } catch (err) { showError(err.message); }
  };
  $("request").onclick = act("/request");
  $("trash").onclick = act("/trash");
  $("restore").onclick = act("/restore");
  $("delete").onclick = () => { if (confirm("Delete this photo for good?")) act("", "DELETE")(); };
  on("quality", (e) => { if (String(e.assetId) === id) load(); });
  on("deleted", (e) => { if (String(e.assetId) === id) showError("this photo was deleted"); });
  onConnect(load);
  load();
}

// --- capture ---------------------------------------------------------------------------------------------------
function capture() {
  let cameras = [];
  function sizes() {
    const camera = cameras.find((c) => c.id === $("camera").value);
    $("size").replaceChildren(...(camera ? camera.sizes : []).map((s) => el("option", { value: s, textContent: s })));
    const small = camera && camera.sizes[camera.sizes.length - 1];
    if (small) $("size").value = small;
  }
  api("/api/cameras").then((list) => {
    cameras = list;
    $("camera").replaceChildren(...list.map((c) => el("option", { value: c.id, textContent: c.name + " (" + c.id + ")" })));
    sizes();
    document.body.dataset.loaded = "true";
  }).catch((err) => showError(err.message));
  $("camera").onchange = sizes;
  liveBadges($("shots"));

  $("form").onsubmit = async (event) => {
    event.preventDefault();
    $("shoot").disabled = true;
    showError("");
    const count = Math.max(1, Math.min(30, parseInt($("count").value, 10) || 1));
    try {
      // one request per photo, so that each FAST asset shows as soon as it is saved
      for (let i = 0; i < count; i++) {
        const result = await api("/api/captures", { method: "POST", body: JSON.stringify({
          camera: $("camera").value, mode: $("mode").value, count: 1, size: $("size").value }) });
        for (const shot of result.captures) {
          const card = thumbnailCard(shot.asset);
          card.querySelector(".name").textContent = shot.latencyMs + " ms · " + shot.asset.name;
          card.dataset.latency = shot.latencyMs;
          $("shots").prepend(card);
        }
      }
    } catch (err) { showError(err.message); }
    $("shoot").disabled = false;
  };
}

// --- queue -----------------------------------------------------------------------------------------------------
function queue() {
  const table = (node, entries) => node.replaceChildren(...entries.map(([k, v, cls]) =>
    el("tr", {}, el("th", { textContent: k }), el("td", { textContent: v, className: cls || "" }))));
  let pending = null;
  async function load() {
    try {
      const q = await api("/api/queue");
      $("state").textContent = q.paused ? "paused" : "running";
      $("pause").disabled = q.paused;
      $("resume").disabled = !q.paused;
      table($("conditions"), Object.entries(q.stats.conditions).sort().map(([k, holds]) =>
        [k, holds ? "holds" : "blocks", holds ? "ok" : "blocked"]));
      const s = q.stats;
      table($("stats"), [["queued", Object.entries(s.queued).map(([p, n]) => p + " " + n).join(", ")], ["running", s.running],
        ["completed", s.completed], ["failed", s.failed], ["phase 2 p50 / p99", Math.round(s.phase2P50Ms) + " / " + Math.round(s.phase2P99Ms) + " ms"],
        ["queue wait p50 / p99", Math.round(s.queueP50Ms) + " / " + Math.round(s.queueP99Ms) + " ms"],
        ["JPEG codec", s.jpegCodec], ["spool", s.spoolBytes + " bytes"], ["inline fallbacks", s.fallbacks]]);
      $("jobs").tBodies[0].replaceChildren(...(q.jobs.length ? q.jobs.map((j) => el("tr", {},
        ...[j.jobId, j.assetUri || "—", j.state, j.priority, j.attempts, j.createdAt, j.error || ""].map((v) => el("td", { textContent: v }))))
        : [el("tr", {}, el("td", { className: "empty", textContent: "no job pending", colSpan: 7 }))]));
      document.body.dataset.loaded = "true";
      showError("");
    } catch (err) { showError(err.message); }
  }
  const later = () => { if (!pending) pending = setTimeout(() => { pending = null; load(); }, 250); };
  $("pause").onclick = () => api("/api/queue/pause", { method: "POST" }).then(load).catch((e) => showError(e.message));
  $("resume").onclick = () => api("/api/queue/resume", { method: "POST" }).then(load).catch((e) => showError(e.message));
  on("job", later);
  onConnect(load);
  load();
}

const pages = { index: gallery, photo, capture, queue };
const current = document.body.dataset.page;
for (const link of document.querySelectorAll("header a[data-nav]")) {
  if (link.dataset.nav === current) link.className = "here";
}
pages[current]();
connect();
// a gallery with a token: the browser that signed in can sign out
api("/api/session").then((session) => {
  if (!session.signedIn) return;
  const out = el("button", { id: "signout", textContent: "Sign out" });
  out.onclick = () => api("/api/session", { method: "DELETE" }).then(signIn);
  document.querySelector("header").append(out);
}).catch(() => {});
