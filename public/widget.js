/*
 * Midlands Health Resources: the <mhr-widget> element.
 *
 *   <script src="https://SITE/widget.js" async></script>
 *   <mhr-widget view="browse" tags="diabetes" theme="auto"></mhr-widget>
 *
 * Each element gets a shadow root holding the widget's own stylesheet and the app, so the
 * host page's CSS cannot restyle it and its CSS cannot leak out. Navigation inside the
 * widget never changes the host page's address or history. Attributes: view (browse,
 * section, resource, search, compare), section, resource, tags and clusters (comma
 * separated), q, theme (auto, light, dark).
 *
 * The app's script, its chunk loader, wasm, chunks, stylesheet and dataset are loaded from
 * the site this file came from; on another origin that site must send
 * Access-Control-Allow-Origin for them (see the README). The build fills in ASSETS with the
 * hashed file names, and the fingerprint of the dataset it checked, which the widget then reads
 * without downloading the code that checks a dataset. The script, the chunk loader it imports
 * and the wasm are all asked for at once, rather than each after the one before: on a 100 ms
 * network the first view came about 300 ms sooner (see the README's Size section).
 */
(function () {
  "use strict";
  var ASSETS = /*MHR_ASSETS*/null;
  var script = document.currentScript;
  if (!ASSETS || !script || window.customElements.get("mhr-widget")) return;
  var site = new URL(".", script.src).href;
  var app = null;

  function loadApp() {
    if (!app) {
      var wasm = fetch(new URL(ASSETS.wasm, site).href);
      wasm.catch(function () {}); // a failure is reported once, by the start below
      app = Promise.all([
        import(new URL(ASSETS.js, site).href),
        import(new URL(ASSETS.loader, site).href),
      ]).then(function (modules) {
        return modules[0].default({ module_or_path: wasm }).then(function () {
          return modules[0];
        });
      });
    }
    return app;
  }

  var ATTRIBUTES = ["view", "section", "resource", "tags", "clusters", "q", "theme"];

  class MhrWidget extends HTMLElement {
    static get observedAttributes() { return ATTRIBUTES; }

    connectedCallback() { this.schedule(); }

    disconnectedCallback() { this.schedule(); }

    attributeChangedCallback() { if (this.widgetId !== undefined) this.schedule(); }

    // Several attribute changes in one task remount once.
    schedule() {
      if (this.pending) return;
      this.pending = true;
      var self = this;
      queueMicrotask(function () {
        self.pending = false;
        self.unmount();
        if (self.isConnected) self.mount();
      });
    }

    mount() {
      var root = this.shadowRoot || this.attachShadow({ mode: "open" });
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = new URL(ASSETS.css, site).href;
      var container = document.createElement("div");
      container.className = "mhr-root";
      root.replaceChildren(style, container);
      var self = this;
      var generation = (this.generation = (this.generation || 0) + 1);
      loadApp().then(function (module) {
        if (generation !== self.generation || !self.isConnected) return;
        self.widgetId = module.mount_widget(self, container, site, ASSETS.dataset);
      }).catch(function (error) {
        container.textContent = "The Midlands Health Resources widget could not load. " +
          "Open the directory at " + site + " instead.";
        console.error(error);
      });
    }

    unmount() {
      this.generation = (this.generation || 0) + 1;
      if (this.widgetId !== undefined && app) {
        var id = this.widgetId;
        this.widgetId = undefined;
        app.then(function (module) { module.unmount_widget(id); });
      }
    }
  }

  window.customElements.define("mhr-widget", MhrWidget);
})();
