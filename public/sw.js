/*
 * Midlands Health Resources: the service worker that makes every view work offline.
 *
 * The build fills in MANIFEST: the exact files of this build, each with a revision, and a
 * version for the whole (see xtask/src/precache.rs). From it:
 *
 * - install: precache every file into a cache named after the scope and the version. The new
 *   worker then waits, so an open tab never mixes files of two builds; the app shows "A new
 *   version is available", and its Reload button posts {type: "skip-waiting"}.
 * - activate: delete this scope's caches of older versions, take control of open pages.
 *   Another deployment on the same origin (a site at / and another at /staging/) has its
 *   own scope, so its caches are never this one's to delete. Tabs still running the old
 *   version are told by the page's own code (a change of controller it did not ask for) and
 *   reload when they next need a file of the old build (src/ui/service_worker.rs).
 * - navigations: network first, so a visitor online always gets the current build. Each page
 *   of this build that arrives is kept (pages are written per address at build time, and only
 *   those visited are kept: precaching every page would download them all for every visitor).
 *   Offline, the kept copy of the page, else the shell (shell.html), a loading note the app
 *   replaces with the view of the address. Pages of another build are not kept: they name
 *   files this cache does not hold. On activation, the pages open in windows are kept too,
 *   so the page a first visit landed on works offline.
 * - the dataset: the cached copy at once. A request that asks for a fresh copy (its cache
 *   mode no-cache, reload or no-store) goes to the network, and to the cache only when
 *   offline: the app asks so to refresh it in the background, and when the copy it was given
 *   has a schema it cannot read (a new build meeting this older worker). The worker never
 *   stores a refreshed dataset by itself: the app validates it first and then posts it with
 *   {type: "keep-dataset", text}, and it is kept only if its schema_version is the one this
 *   build's copy has. So a dataset that fails validation never replaces the good copy.
 * - other precached files (hashed, so never changed in place): cache first.
 * - anything else goes to the network untouched. In particular a missing asset gets the
 *   server's 404, never the app shell.
 *
 * Writing to the cache can fail (storage full): what came from the network is served all
 * the same, and the copy is kept on a later visit instead.
 */
"use strict";

const MANIFEST = /*MHR_PRECACHE*/null;
const SCOPE = self.registration.scope; // the site's base URL, ending in "/"
// Caches are named per scope: "mhr:/staging/:VERSION". Another deployment on this origin
// has another scope, so no prefix of this one's names is a prefix of its.
const PREFIX = "mhr:" + new URL(SCOPE).pathname + ":";
const CACHE = PREFIX + MANIFEST.version;
// Workers before this naming called their caches "mhr-VERSION", whatever their scope.
const LEGACY = "mhr-";
const SHELL = new URL("shell.html", SCOPE).href;
const DATASET = new URL("data/dataset.json", SCOPE).href;
const PRECACHED = new Set(MANIFEST.files.map((f) => new URL(f.url, SCOPE).href));
// Every page of this build starts the app with this script, named after this build's files.
const BOOT = (MANIFEST.files.find((f) => /^boot-[0-9a-f]+\.js$/.test(f.url)) || {}).url;

// Hashed names (app-1a2b…_bg.wasm) never change content, so the copy the page has just
// downloaded may come from the HTTP cache; a first visit then transfers them once, not twice.
// Files with fixed names (index.html, the dataset) come straight from the network, since an
// HTTP cache could hand back the last build's.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        MANIFEST.files.map(
          (f) => new Request(new URL(f.url, SCOPE), { cache: HASHED.test(f.url) ? "default" : "reload" })
        )
      )
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.map(deleteIfOlder)))
      .then(() => self.clients.claim())
      .then(() => self.clients.matchAll({ type: "window", includeUncontrolled: true }))
      .then((windows) => Promise.all(windows.map((w) => keepPage(w.url))))
  );
});

// An older cache of this scope. A legacy one ("mhr-VERSION") is this scope's when it holds
// this scope's shell, which every build precaches: the other deployment's has its own.
async function deleteIfOlder(key) {
  const ours = key.startsWith(PREFIX) && key !== CACHE;
  const legacyOurs = key.startsWith(LEGACY) && (await (await caches.open(key)).match(SHELL));
  if (ours || legacyOurs) await caches.delete(key);
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "skip-waiting") self.skipWaiting();
  if (data.type === "keep-dataset" && typeof data.text === "string") {
    event.waitUntil(keepDataset(data.text).catch(() => {}));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  if (!url.href.startsWith(SCOPE)) return; // other origins and paths: not ours

  if (request.mode === "navigate") {
    event.respondWith(networkFirstNavigation(event, request));
    return;
  }
  const bare = url.origin + url.pathname;
  if (bare === DATASET) {
    event.respondWith(dataset(request));
    return;
  }
  if (PRECACHED.has(bare)) {
    event.respondWith(cacheFirst(request));
  }
  // Everything else: the network, unchanged.
});

async function networkFirstNavigation(event, request) {
  try {
    const response = await fetch(request);
    event.waitUntil(keep(request.url, response.clone()).catch(() => {}));
    return response;
  } catch (offline) {
    const cache = await caches.open(CACHE);
    const page = (await cache.match(pageKey(request.url))) || (await cache.match(SHELL));
    if (page) return page;
    throw offline;
  }
}

// The cache key of a page: its address without query or fragment, with the final "/" that
// the build's addresses have (a filtered /browse/?tag=x is the /browse/ page).
function pageKey(url) {
  const u = new URL(url);
  u.search = "";
  u.hash = "";
  if (!u.pathname.endsWith("/") && !/\.[a-z0-9]+$/i.test(u.pathname)) u.pathname += "/";
  return u.href;
}

// Keeps a page that came from the network, if it is a page of this build.
async function keep(url, response) {
  if (!response.ok || response.type !== "basic" || !BOOT) return;
  if (!(response.headers.get("content-type") || "").startsWith("text/html")) return;
  const text = await response.clone().text();
  if (!text.includes(BOOT)) return;
  const cache = await caches.open(CACHE);
  await cache.put(pageKey(url), response);
}

async function keepPage(url) {
  if (!url.startsWith(SCOPE)) return;
  try {
    await keep(url, await fetch(url, { cache: "no-cache" }));
  } catch (offline) {
    // Kept on the next visit instead.
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  return cached || fetch(request);
}

// The dataset: the cached copy, unless the request asks for a fresh one; the network when
// there is no copy. Nothing here writes to the cache (see keepDataset).
async function dataset(request) {
  const fresh = ["no-cache", "reload", "no-store"].includes(request.cache);
  const cached = () => caches.match(DATASET, { cacheName: CACHE });
  if (!fresh) {
    const copy = await cached();
    if (copy) return copy;
  }
  try {
    return await fetch(request);
  } catch (offline) {
    const copy = fresh && (await cached());
    if (copy) return copy;
    throw offline;
  }
}

// Keeps a dataset the app has downloaded and validated, if it has the schema of this
// build's copy (a newer schema arrives with its own build, and its own worker).
async function keepDataset(text) {
  const next = JSON.parse(text);
  const copy = await caches.match(DATASET, { cacheName: CACHE });
  if (copy && (await copy.json()).schema_version !== next.schema_version) return;
  const cache = await caches.open(CACHE);
  await cache.put(DATASET, new Response(text, { headers: { "content-type": "application/json" } }));
}
