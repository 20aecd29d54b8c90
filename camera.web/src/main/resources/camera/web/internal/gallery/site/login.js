// Signs a browser in to a gallery that has a token: /api/session sets an HttpOnly, SameSite=Strict cookie.
"use strict";
const $ = (id) => document.getElementById(id);
const next = new URLSearchParams(location.search).get("next");
// only a path of this gallery, never another site
const target = next && /^\/(?![/\\])/.test(next) ? next : "/";

fetch("/api/session").then((r) => r.json()).then((session) => {
  if (!session.tokenRequired) {
    $("form").hidden = true;
    $("state").replaceChildren("This gallery needs no token: ", Object.assign(document.createElement("a"), { href: target, textContent: "open it" }), ".");
  } else if (session.signedIn) {
    location.replace(target);
    return;
  }
  document.body.dataset.loaded = "true";
}).catch((err) => { $("error").textContent = err.message; });

$("form").onsubmit = async (event) => {
  event.preventDefault();
  $("error").textContent = "";
  try {
    const response = await fetch("/api/session", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: $("token").value }) });
    if (response.ok) { location.replace(target); return; }
    const body = await response.json().catch(() => ({}));
    $("error").textContent = body.message || "the sign-in failed (" + response.status + ")";
  } catch (err) { $("error").textContent = err.message; }
  $("token").select();
};
