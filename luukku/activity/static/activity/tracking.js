/* Luukku active-time tracking (DESIGN, "Participation data: definitions").
 *
 * Every 15 s, while the page is visible and the person has interacted with it (pointer,
 * key, scroll, touch) in the last 60 s, one "active_ping" is queued; an open, forgotten tab
 * counts nothing. A person with the site open in several tabs or windows has one clock:
 * the tabs share the time of the last ping through localStorage, and a tab skips its ping
 * when another one has pinged less than a ping interval ago.
 * Links marked data-track="file:12" queue a "file_open" when followed.
 * The queue is sent with navigator.sendBeacon (fetch keepalive as a fallback) every 60 s,
 * when the page is hidden and when it is left. The script tag carries a signed token
 * for the member and programme; the server trusts nothing else the browser says.
 */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector("script[data-luukku-tracking]");
  if (!script || !script.dataset.token || !script.dataset.endpoint) {
    return;
  }
  var PING_MS = 15000;
  var IDLE_MS = 60000;
  var FLUSH_MS = 60000;
  var MAX_BATCH = 50;
  // Timers fire a little late, never much early: a second of slack keeps one tab's own
  // successive pings from ever blocking each other.
  var SHARED_SLACK_MS = 1000;
  var LAST_PING_KEY = "luukku.lastActivePing";
  var token = script.dataset.token;
  var endpoint = script.dataset.endpoint;
  var target = script.dataset.target || "";
  var queue = [];
  // Arriving on the page took a click or a key press, unless it loaded in the background.
  var lastInteraction = document.visibilityState === "visible" ? Date.now() : 0;

  function interacted() {
    lastInteraction = Date.now();
  }

  function isActive() {
    return document.visibilityState === "visible" && Date.now() - lastInteraction <= IDLE_MS;
  }

  function claimPing(now) {
    try {
      var last = Number(window.localStorage.getItem(LAST_PING_KEY)) || 0;
      if (now >= last && now - last < PING_MS - SHARED_SLACK_MS) {
        return false;
      }
      window.localStorage.setItem(LAST_PING_KEY, String(now));
    } catch (error) {
      // Storage blocked (privacy settings): each tab counts for itself.
    }
    return true;
  }

  function send(body) {
    try {
      if (navigator.sendBeacon && navigator.sendBeacon(endpoint, body)) {
        return;
      }
    } catch (error) {
      // Fall through to fetch: some browsers refuse beacons over a size quota.
    }
    if (window.fetch) {
      window.fetch(endpoint, {
        method: "POST",
        body: body,
        keepalive: true,
        credentials: "same-origin",
        headers: { "Content-Type": "text/plain;charset=UTF-8" }
      }).catch(function () {});
    }
  }

  function flush() {
    while (queue.length > 0) {
      var events = queue.splice(0, MAX_BATCH);
      send(JSON.stringify({ token: token, sent: Date.now(), events: events }));
    }
  }

  function add(kind, eventTarget) {
    queue.push({ kind: kind, target: eventTarget, at: Date.now() });
    if (queue.length >= MAX_BATCH) {
      flush();
    }
  }

  ["pointerdown", "pointermove", "keydown", "scroll", "wheel", "touchstart"].forEach(
    function (name) {
      window.addEventListener(name, interacted, { capture: true, passive: true });
    }
  );

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[data-track]") : null;
    if (link) {
      add("file_open", link.getAttribute("data-track") || "");
    }
  }, true);

  window.setInterval(function () {
    if (isActive() && claimPing(Date.now())) {
      add("active_ping", target);
    }
  }, PING_MS);
  window.setInterval(flush, FLUSH_MS);

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      flush();
    }
  });
  window.addEventListener("pagehide", flush);
})();
