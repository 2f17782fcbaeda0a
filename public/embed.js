/*
 * Midlands Health Resources: sizes embedded iframes to their content.
 *
 * Put it on a page after (or before) any number of
 *   <iframe src="https://SITE/browse?embed=1" data-mhr-embed title="…"></iframe>
 * and each marked iframe takes the height its content reports. No inline script, no
 * dependencies, nothing else on the page is touched.
 *
 * Protocol: the embedded view posts {type: "mhr-embed:height", frame, height} to its parent
 * whenever its height changes. A height is applied only to the marked iframe whose window
 * sent the message (event.source) and only when the message comes from that iframe's own
 * origin, so no other frame or window can resize it. An iframe whose http address the site
 * redirects to https reports from the https origin of the same host: that upgrade is
 * accepted too (the window is still the iframe's own). Because this script may start after
 * the first report was sent, it greets each marked iframe with {type: "mhr-embed:hello"} and
 * the view answers with its height. The greeting carries nothing, so it is sent to whatever
 * the iframe shows (an origin given here would not match after a redirect, and the browser
 * would drop it).
 */
(function () {
  "use strict";
  if (window.__mhrEmbedSizer) return; // loaded twice: one listener is enough
  window.__mhrEmbedSizer = true;

  var HEIGHT = "mhr-embed:height";
  var HELLO = "mhr-embed:hello";
  var MAX_HEIGHT = 100000;

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll("iframe[data-mhr-embed]"));
  }

  function urlOf(frame) {
    try {
      return new URL(frame.src, document.baseURI);
    } catch (e) {
      return null;
    }
  }

  // The frame's own origin, or the https origin of its host when its address is http (a
  // site that redirects to https; the port may change with the scheme).
  function fromFrame(frame, origin) {
    var url = urlOf(frame);
    if (!url) return false;
    if (url.origin === origin) return true;
    if (url.protocol !== "http:") return false;
    try {
      var from = new URL(origin);
      return from.protocol === "https:" && from.hostname === url.hostname;
    } catch (e) {
      return false;
    }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== HEIGHT) return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    frames().forEach(function (frame) {
      if (frame.contentWindow !== event.source) return;
      if (!fromFrame(frame, event.origin)) return;
      frame.style.height = Math.ceil(height) + "px";
      frame.style.border = frame.style.border || "0";
    });
  });

  function greet(frame) {
    if (!urlOf(frame) || !frame.contentWindow) return;
    frame.contentWindow.postMessage({ type: HELLO }, "*");
  }

  // Greets each marked frame once, and again after each load of it (including navigation
  // inside it); frames already known are left alone, so a busy host page costs nothing.
  function greetNew() {
    frames().forEach(function (frame) {
      if (frame.__mhrGreets) return;
      frame.__mhrGreets = true;
      greet(frame);
      frame.addEventListener("load", function () { greet(frame); });
    });
  }

  greetNew();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", greetNew);
  }
  // Iframes added later (by the page's own scripts) are greeted too.
  new MutationObserver(greetNew).observe(document.documentElement, { childList: true, subtree: true });
})();
